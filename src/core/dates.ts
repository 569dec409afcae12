/** Day numbers: whole days since 1970-01-01 UTC. Pure arithmetic, no time zones. */

const MS_PER_DAY = 86_400_000;

/** Day number of a civil date (month 1-12). */
export function dayFromYMD(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export interface YMD {
  year: number;
  month: number;
  day: number;
}

/** Civil date of a day number (Howard Hinnant's civil_from_days). */
export function ymdFromDay(dayNumber: number): YMD {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

export function yearOfDay(dayNumber: number): number {
  return ymdFromDay(dayNumber).year;
}

/** "YYYY-MM" of a day number. */
export function monthKey(dayNumber: number): string {
  const { year, month } = ymdFromDay(dayNumber);
  return `${year}-${String(month).padStart(2, "0")}`;
}

/** ISO "YYYY-MM-DD" of a day number. */
export function isoDate(dayNumber: number): string {
  const { year, month, day } = ymdFromDay(dayNumber);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** French "dd/mm/yyyy" of a day number. */
export function frenchDate(dayNumber: number): string {
  const { year, month, day } = ymdFromDay(dayNumber);
  return `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
}

/** Day number of "YYYY-MM-DD" (no validation beyond the shape; throws on a bad shape). */
export function dayFromIso(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`Date ISO attendue (AAAA-MM-JJ) : ${iso}`);
  return dayFromYMD(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Excel serial of the 1900 system for day 0 (1970-01-01) is 25569. */
const EXCEL_1900_EPOCH_OFFSET = 25569;
/** The 1904 system counts from 1904-01-01: serial 0 = 1904-01-01, 1462 days after the 1900 base. */
const EXCEL_1904_SHIFT = 1462;

/** Day number of an Excel serial (fraction = time of day, dropped). */
export function dayFromExcelSerial(serial: number, date1904 = false): number {
  const whole = Math.floor(serial);
  return whole - EXCEL_1900_EPOCH_OFFSET + (date1904 ? EXCEL_1904_SHIFT : 0);
}

/** Excel serial (1900 system) of a day number. */
export function excelSerialFromDay(dayNumber: number): number {
  return dayNumber + EXCEL_1900_EPOCH_OFFSET;
}

/** Adds whole months to a day number, clamping to the month's last day. */
export function addMonths(dayNumber: number, months: number): number {
  const { year, month, day } = ymdFromDay(dayNumber);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const last = ymdFromDay(dayFromYMD(y, m + 1, 1) - 1).day;
  return dayFromYMD(y, m, Math.min(day, last));
}
