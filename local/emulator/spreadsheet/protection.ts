/** Protection of a range or a whole sheet. Editors are recorded; nothing is enforced, canEdit is true. */
import type { Context } from './context';
import type { ProtectionModel, RangeRef, SheetModel } from './model';
import type { Range } from './range';
import { rangeRefOf } from './script-args';

export class User {
  constructor(private readonly email: string) {}

  getEmail(): string {
    return this.email;
  }
  getUsername(): string {
    return this.email.split('@')[0] ?? this.email;
  }
}

/** Adds a protection, with nothing set but its range, to the sheet's list. */
export function addProtection(
  workbook: { nextProtectionId: number },
  sheet: SheetModel,
  type: ProtectionModel['type'],
  range: RangeRef | null,
): ProtectionModel {
  const model: ProtectionModel = {
    id: workbook.nextProtectionId++,
    type,
    range,
    description: '',
    warningOnly: false,
    editors: [],
    unprotected: [],
  };
  sheet.protections.push(model);
  return model;
}

function emailOf(user: unknown): string {
  if (typeof user === 'string') return user;
  if (typeof user === 'object' && user !== null && 'getEmail' in user)
    return String((user as User).getEmail());
  throw new Error(`Not an email address or user: ${String(user)}`);
}

export class Protection {
  constructor(
    private readonly ctx: Context,
    private readonly sheet: SheetModel,
    readonly protection: ProtectionModel,
  ) {}

  getProtectionType(): string {
    return this.protection.type;
  }
  getRange(): Range {
    const p = this.protection;
    return p.range
      ? this.ctx.rangeOf(p.range)
      : this.ctx.range(this.sheet, {
          row: 1,
          column: 1,
          numRows: this.sheet.maxRows,
          numColumns: this.sheet.maxColumns,
        });
  }
  setRange(range: unknown): this {
    if (this.protection.type === 'RANGE')
      this.protection.range = rangeRefOf(range, 'SpreadsheetApp.Protection.setRange');
    return this;
  }
  getDescription(): string {
    return this.protection.description;
  }
  setDescription(description: string): this {
    this.protection.description = String(description);
    return this;
  }
  isWarningOnly(): boolean {
    return this.protection.warningOnly;
  }
  setWarningOnly(warningOnly: boolean): this {
    this.protection.warningOnly = !!warningOnly;
    return this;
  }
  addEditor(emailAddress: unknown): this {
    const email = emailOf(emailAddress);
    if (!this.protection.editors.includes(email)) this.protection.editors.push(email);
    return this;
  }
  addEditors(emailAddresses: unknown[]): this {
    for (const e of emailAddresses) this.addEditor(e);
    return this;
  }
  removeEditor(emailAddress: unknown): this {
    const email = emailOf(emailAddress);
    this.protection.editors = this.protection.editors.filter((e) => e !== email);
    return this;
  }
  removeEditors(emailAddresses: unknown[]): this {
    for (const e of emailAddresses) this.removeEditor(e);
    return this;
  }
  getEditors(): User[] {
    return this.protection.editors.map((e) => this.ctx.user(e));
  }
  canEdit(): boolean {
    return true;
  }
  canDomainEdit(): boolean {
    return false;
  }
  setDomainEdit(_editable: boolean): this {
    return this;
  }
  getUnprotectedRanges(): Range[] {
    return this.protection.unprotected.map((ref) => this.ctx.rangeOf(ref));
  }
  setUnprotectedRanges(ranges: unknown[]): this {
    if (this.protection.type === 'SHEET') {
      this.protection.unprotected = ranges.map((r) =>
        rangeRefOf(r, 'SpreadsheetApp.Protection.setUnprotectedRanges'),
      );
    }
    return this;
  }
  /** Removes the protection; later calls on this object change nothing in the sheet. */
  remove(): void {
    this.sheet.protections = this.sheet.protections.filter((p) => p.id !== this.protection.id);
  }
}
