import { describe, expect, it } from 'vitest';

import { literalText } from '../../src/core/literal-text';

const quoted = (text: string) => `'${text}`;

describe('keeping user text literal', () => {
  it.each([['=IMPORTXML("http://x","//a")'], ["+cmd|' /C calc'!A0"], ['-2+3'], ['- Lead'], ['@SUM(A1)']])(
    'quotes text Sheets would read as a formula: %s',
    (text) => {
      expect(literalText(text)).toBe(quoted(text));
    },
  );

  it('quotes text that starts with an apostrophe, so the apostrophe stays', () => {
    expect(literalText("'quoted")).toBe("''quoted");
  });

  it.each([['0042'], ['-5'], ['+3.5'], ['.5'], ['25%'], ['$1,000'], ['€5'], ['(5)'], ['1e3']])(
    'quotes text Sheets would read as a number: %s',
    (text) => {
      expect(literalText(text)).toBe(quoted(text));
    },
  );

  it.each([['2017-03-01'], ['3/1/2017'], ['12:30'], ['Mar 1 2017'], ['March 1, 2017'], ['sept. 2017']])(
    'quotes text Sheets would read as a date or time: %s',
    (text) => {
      expect(literalText(text)).toBe(quoted(text));
    },
  );

  it.each([['TRUE'], ['false'], ['True']])('quotes text Sheets would read as a boolean: %s', (text) => {
    expect(literalText(text)).toBe(quoted(text));
  });

  it('looks past leading spaces, as Sheets does when it parses', () => {
    expect(literalText('  42')).toBe(quoted('  42'));
    expect(literalText(' TRUE ')).toBe(quoted(' TRUE '));
  });

  it.each([
    ['Acme Corp'],
    ['Deal 1'],
    ['Lead'],
    ['Closed Won'],
    ['ann@team.example'],
    ['D-0001'],
    ['March Madness'],
    ['May Holdings'],
    ['True story'],
    ['sending'],
    [''],
  ])('leaves text Sheets keeps as written untouched: %s', (text) => {
    expect(literalText(text)).toBe(text);
  });
});
