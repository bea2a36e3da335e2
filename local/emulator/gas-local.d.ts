declare module 'gas-local' {
  interface GasRequireOptions {
    /** Which files of the folder are loaded (default: .js). */
    filter?: (file: string) => boolean;
  }
  const gas: {
    /** Runs every matching file of `folder` in one vm context built on `globalObject`; returns that context. */
    require(folder: string, globalObject?: object, options?: GasRequireOptions): object;
  };
  export default gas;
}
