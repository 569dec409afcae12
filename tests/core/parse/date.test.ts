import fc from "fast-check";
import { dayFromYMD, excelSerialFromDay, frenchDate, isoDate } from "../../../src/core/dates";
import { civilToDay, MAX_DATE_DAY, MIN_DATE_DAY, monthFromWord, parseDate, parseDateText } from "../../../src/core/parse/date";

const d = dayFromYMD;

describe("parseDate — empty and unreadable cells", () => {
  it("returns null for null, undefined and blank text", () => {
    expect(parseDate(null)).toBeNull();
    expect(parseDate(undefined)).toBeNull();
    expect(parseDate("")).toBeNull();
    expect(parseDate(" \u00a0 ")).toBeNull();
  });

  it("returns undefined for booleans, NaN, Infinity and invalid Date objects", () => {
    expect(parseDate(true)).toBeUndefined();
    expect(parseDate(Number.NaN)).toBeUndefined();
    expect(parseDate(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(parseDate(new Date(Number.NaN))).toBeUndefined();
  });

  it("returns undefined for text that is not a date", () => {
    for (const text of ["abc", "N/A", "15/03", "15/03/2024/1", "15/03-2024", "2024-03-15X", "2024-03-15T", "1/2/345", "123/01/2024", "15 mars", "mars", "jui 2024", "15 xyz 2024", "T1 2024", "2024-3-15T25"]) {
      expect([text, parseDate(text)]).toEqual([text, undefined]);
    }
  });
});

describe("parseDate — Excel serial numbers", () => {
  it("reads 1900-system serials: 45366 is 15/03/2024", () => {
    expect(parseDate(45366)).toBe(d(2024, 3, 15));
    expect(parseDate(25569)).toBe(0);
    expect(parseDate(61)).toBe(d(1900, 3, 1));
  });

  it("drops the time fraction of a serial", () => {
    expect(parseDate(45366.75)).toBe(d(2024, 3, 15));
  });

  it("reads 1904-system serials when the workbook says so: 0 + 1462 days shift", () => {
    expect(parseDate(43904, true)).toBe(d(2024, 3, 15));
    expect(parseDate(1, true)).toBe(d(1904, 1, 2));
  });

  it("reads serials 1–59 as Excel shows them (before its fictitious 29/02/1900), 60 unreadable", () => {
    expect(parseDate(1)).toBe(d(1900, 1, 1));
    expect(parseDate(59)).toBe(d(1900, 2, 28));
    expect(parseDate(60)).toBeUndefined();
  });

  it("rejects serials below 1 or beyond 31/12/9999", () => {
    expect(parseDate(0)).toBeUndefined();
    expect(parseDate(-5)).toBeUndefined();
    expect(parseDate(0.5)).toBeUndefined();
    expect(parseDate(2958465)).toBe(d(9999, 12, 31));
    expect(parseDate(2958466)).toBeUndefined();
    expect(parseDate(2958465, true)).toBeUndefined();
    expect(parseDate(1e12)).toBeUndefined();
  });

  it("reads an 8-digit integer as AAAAMMJJ (FEC exports), never as a serial", () => {
    expect(parseDate(20240315)).toBe(d(2024, 3, 15));
    expect(parseDate(20240230)).toBeUndefined();
    expect(parseDate(99999999)).toBeUndefined();
  });

  it("reads numeric text as a serial: '45366', '45366,5'", () => {
    expect(parseDate("45366")).toBe(d(2024, 3, 15));
    expect(parseDate(" 45366 ")).toBe(d(2024, 3, 15));
    expect(parseDate("45366,5")).toBe(d(2024, 3, 15));
    expect(parseDate("45366.5")).toBe(d(2024, 3, 15));
    expect(parseDate("43904", true)).toBe(d(2024, 3, 15));
    expect(parseDate("99999999")).toBeUndefined();
    expect(parseDate("123456789")).toBeUndefined();
  });
});

describe("parseDate — Date objects", () => {
  it("reads a JS Date by its UTC calendar date", () => {
    expect(parseDate(new Date(Date.UTC(2024, 2, 15)))).toBe(d(2024, 3, 15));
    expect(parseDate(new Date(Date.UTC(2024, 2, 15, 23, 59, 59)))).toBe(d(2024, 3, 15));
  });

  it("rejects Date objects outside 1900–9999", () => {
    expect(parseDate(new Date(Date.UTC(1899, 11, 31)))).toBeUndefined();
    expect(parseDate(new Date(Date.UTC(10000, 0, 1)))).toBeUndefined();
  });
});

describe("parseDate — French numeric text", () => {
  it("reads 'dd/mm/yyyy' and 'd/m/yyyy'", () => {
    expect(parseDate("15/03/2024")).toBe(d(2024, 3, 15));
    expect(parseDate("5/3/2024")).toBe(d(2024, 3, 5));
    expect(parseDate("01/12/1999")).toBe(d(1999, 12, 1));
  });

  it("reads 'dd-mm-yy', 'dd.mm.yyyy' and 'dd/mm/yy'", () => {
    expect(parseDate("15-03-24")).toBe(d(2024, 3, 15));
    expect(parseDate("15.03.2024")).toBe(d(2024, 3, 15));
    expect(parseDate("15/03/24")).toBe(d(2024, 3, 15));
  });

  it("expands two-digit years: 00–69 to the 2000s, 70–99 to the 1900s", () => {
    expect(parseDate("01/01/00")).toBe(d(2000, 1, 1));
    expect(parseDate("01/01/69")).toBe(d(2069, 1, 1));
    expect(parseDate("01/01/70")).toBe(d(1970, 1, 1));
    expect(parseDate("01/01/99")).toBe(d(1999, 1, 1));
  });

  it("accepts a time after a French date", () => {
    expect(parseDate("15/03/2024 14:30")).toBe(d(2024, 3, 15));
    expect(parseDate("15/03/2024 00:00:00")).toBe(d(2024, 3, 15));
    expect(parseDate("15/03/2024 14h30")).toBeUndefined();
  });

  it("rejects mixed separators and three-digit years", () => {
    expect(parseDate("15/03-2024")).toBeUndefined();
    expect(parseDate("15/03/202")).toBeUndefined();
  });

  it("rejects invalid calendar dates such as 31/02/2024 and 29/02/2023", () => {
    expect(parseDate("31/02/2024")).toBeUndefined();
    expect(parseDate("29/02/2023")).toBeUndefined();
    expect(parseDate("29/02/2024")).toBe(d(2024, 2, 29));
    expect(parseDate("31/04/2024")).toBeUndefined();
    expect(parseDate("00/01/2024")).toBeUndefined();
    expect(parseDate("01/13/2024")).toBeUndefined();
    expect(parseDate("29/02/1900")).toBeUndefined();
    expect(parseDate("29/02/2000")).toBe(d(2000, 2, 29));
  });

  it("never swaps a month-first US date: '03/15/2024' is unreadable", () => {
    expect(parseDate("03/15/2024")).toBeUndefined();
  });

  it("rejects years before 1900 (typos such as 15/03/0024)", () => {
    expect(parseDate("15/03/0024")).toBeUndefined();
    expect(parseDate("31/12/1899")).toBeUndefined();
  });

  it("reads 'mm/yyyy' and 'yyyy-mm' as the first day of the month", () => {
    expect(parseDate("03/2024")).toBe(d(2024, 3, 1));
    expect(parseDate("3.2024")).toBe(d(2024, 3, 1));
    expect(parseDate("2024-03")).toBe(d(2024, 3, 1));
    expect(parseDate("13/2024")).toBeUndefined();
  });

  it("reads 'AAAAMMJJ' text", () => {
    expect(parseDate("20240315")).toBe(d(2024, 3, 15));
    expect(parseDate("20241315")).toBeUndefined();
  });
});

describe("parseDate — ISO and DECP text", () => {
  it("reads 'yyyy-mm-dd'", () => {
    expect(parseDate("2024-03-15")).toBe(d(2024, 3, 15));
    expect(parseDate("2024/03/15")).toBe(d(2024, 3, 15));
    expect(parseDate("2024-3-5")).toBe(d(2024, 3, 5));
  });

  it("reads 'yyyy-mm-ddThh:mm:ss…' keeping the written calendar date", () => {
    expect(parseDate("2024-03-15T10:20:30")).toBe(d(2024, 3, 15));
    expect(parseDate("2024-03-15T23:59:59.999+02:00")).toBe(d(2024, 3, 15));
    expect(parseDate("2024-03-15T00:30:00Z")).toBe(d(2024, 3, 15));
    expect(parseDate("2024-03-15 10:20")).toBe(d(2024, 3, 15));
  });

  it("reads DECP dates with a zone: '2018-12-17+01:00' and '2018-12-17Z'", () => {
    expect(parseDate("2018-12-17+01:00")).toBe(d(2018, 12, 17));
    expect(parseDate("2018-12-17Z")).toBe(d(2018, 12, 17));
    expect(parseDate("2018-12-17-05:00")).toBe(d(2018, 12, 17));
    expect(parseDate("2018-12-17+0100")).toBe(d(2018, 12, 17));
  });

  it("rejects malformed zones and times", () => {
    expect(parseDate("2018-12-17+1")).toBeUndefined();
    expect(parseDate("2018-12-17+01:0")).toBeUndefined();
    expect(parseDate("2018-12-17Zx")).toBeUndefined();
    expect(parseDate("2018-12-17T1030")).toBeUndefined();
    expect(parseDate("2018-12-17 foo")).toBeUndefined();
  });

  it("rejects an invalid ISO calendar date", () => {
    expect(parseDate("2023-02-29")).toBeUndefined();
    expect(parseDate("2024-13-01")).toBeUndefined();
  });
});

describe("parseDate — month names", () => {
  it("reads abbreviated French months as the first of the month: 'janv. 2025', 'févr. 2025', 'déc. 2024'", () => {
    expect(parseDate("janv. 2025")).toBe(d(2025, 1, 1));
    expect(parseDate("févr. 2025")).toBe(d(2025, 2, 1));
    expect(parseDate("fev 2025")).toBe(d(2025, 2, 1));
    expect(parseDate("déc. 2024")).toBe(d(2024, 12, 1));
    expect(parseDate("sept. 2024")).toBe(d(2024, 9, 1));
    expect(parseDate("juil. 2024")).toBe(d(2024, 7, 1));
    expect(parseDate("août 2024")).toBe(d(2024, 8, 1));
  });

  it("reads full French months: 'janvier 2025', 'JUIN 2024'", () => {
    expect(parseDate("janvier 2025")).toBe(d(2025, 1, 1));
    expect(parseDate("JUIN 2024")).toBe(d(2024, 6, 1));
    expect(parseDate("Décembre 2024")).toBe(d(2024, 12, 1));
  });

  it("reads a day with a month name: '15 mars 2024', '1er juillet 2024', 'lundi 1er juillet 2024'", () => {
    expect(parseDate("15 mars 2024")).toBe(d(2024, 3, 15));
    expect(parseDate("1er juillet 2024")).toBe(d(2024, 7, 1));
    expect(parseDate("lundi 1er juillet 2024")).toBe(d(2024, 7, 1));
    expect(parseDate("31 févr. 2024")).toBeUndefined();
  });

  it("reads Excel's 'mmm-yy' display: 'mars-24', 'févr.-25'", () => {
    expect(parseDate("mars-24")).toBe(d(2024, 3, 1));
    expect(parseDate("févr.-25")).toBe(d(2025, 2, 1));
  });

  it("reads English month names", () => {
    expect(parseDate("March 2024")).toBe(d(2024, 3, 1));
    expect(parseDate("15 Aug 2024")).toBe(d(2024, 8, 15));
  });

  it("rejects 'jui', which could be juin or juillet, and two-letter words", () => {
    expect(monthFromWord("jui")).toBe(0);
    expect(monthFromWord("ma")).toBe(0);
    expect(monthFromWord("juin")).toBe(6);
    expect(monthFromWord("juil")).toBe(7);
    expect(monthFromWord("mar")).toBe(3);
    expect(monthFromWord("mai")).toBe(5);
  });
});

describe("properties", () => {
  // From 01/03/1900: dates.excelSerialFromDay ignores the fictitious 29/02/1900 (serials 1–59 tested above).
  const day = fc.integer({ min: dayFromYMD(1900, 3, 1), max: MAX_DATE_DAY });

  it("round-trips every day through 'dd/mm/yyyy', ISO and Excel serial", () => {
    fc.assert(
      fc.property(day, (n) => {
        return (
          parseDate(frenchDate(n)) === n &&
          parseDate(isoDate(n)) === n &&
          parseDate(`${isoDate(n)}T12:00:00+01:00`) === n &&
          parseDate(excelSerialFromDay(n)) === n
        );
      }),
    );
  });

  it("round-trips days through the 1904 serial system", () => {
    fc.assert(
      fc.property(fc.integer({ min: dayFromYMD(1904, 1, 2), max: MAX_DATE_DAY }), (n) => parseDate(excelSerialFromDay(n) - 1462, true) === n),
    );
  });

  it("reads every valid Date object as its UTC day", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(9999, 11, 31, 23, 59)), noInvalidDate: true }), (date) =>
        parseDate(date) === Math.floor(date.getTime() / 86_400_000),
      ),
    );
  });

  it("civilToDay agrees with dates.dayFromYMD on every valid date from year 100 to 9999", () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (y, m, day) => civilToDay(y, m, day) === dayFromYMD(y, m, day)),
    );
    expect(civilToDay(1970, 1, 1)).toBe(0);
    expect(civilToDay(2000, 2, 29)).toBe(dayFromYMD(2000, 2, 29));
    expect(civilToDay(9999, 12, 31)).toBe(MAX_DATE_DAY);
    expect(civilToDay(1900, 1, 1)).toBe(MIN_DATE_DAY);
  });

  it("parseDateText agrees with parseDate on strings", () => {
    fc.assert(fc.property(fc.string(), fc.boolean(), (s, b) => Object.is(parseDateText(s, b), parseDate(s, b))));
  });
});
