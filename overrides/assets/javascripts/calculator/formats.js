// Every kind of figure as calculators/kinds.py declares it (the page's config carries the table):
// its decimals, unit, whether money is shown in whole units from an amount up, how a duration is
// written. The build formats the same table with Babel, so a figure reads the same in both
// (tests/site/test_formats.py runs this very class in Node against the build's Babel).
export class Formats {
  // codes: the currencies this language names by ISO code, not CLDR's symbol (vi: "USD", not "US$").
  constructor(lang, kinds = {}, codes = []) {
    this.lang = lang;
    this.kinds = kinds;
    this.codes = codes;
  }

  // Grouped as the build groups ("1.234" in it, where ICU alone would write "1234").
  number(value, options = {}) {
    return new Intl.NumberFormat(this.lang, { useGrouping: "always", ...options }).format(value);
  }

  currencyDigits(currency) {
    return new Intl.NumberFormat(this.lang, { style: "currency", currency }).resolvedOptions().maximumFractionDigits;
  }

  money(value, currency, digits) {
    const options = { style: "currency", currency, currencyDisplay: this.codes.includes(currency) ? "code" : "symbol" };
    if (digits !== undefined) Object.assign(options, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    return this.number(value, options);
  }

  // A number and a CLDR unit ("duration-second" or "second") after a no-break space: "36,0 s".
  unit(value, unit, places, fewest = places) {
    const options = {
      style: "unit", unit: unit.replace(/^duration-/, ""), unitDisplay: "short",
      minimumFractionDigits: fewest, maximumFractionDigits: places,
    };
    return this.number(value, options).replace(/ /g, "\u00a0");
  }

  percent(value, places = 1) {
    return this.number((Number(value) / 100).toFixed(6), {
      style: "percent",
      minimumFractionDigits: places,
      maximumFractionDigits: places,
    });
  }

  // Minutes and seconds side by side, never with a list comma: "3 min 30 s", "3 phút 30 giây".
  duration(seconds, parts = ["duration-minute", "duration-second"]) {
    const whole = Math.round(Number(seconds));
    const minutes = Math.floor(whole / 60);
    const rest = whole % 60;
    const shown = minutes ? [this.unit(minutes, parts[0], 0)] : [];
    if (rest || !minutes) shown.push(this.unit(rest, parts[1], 0));
    return shown.join(" ");
  }

  // Minutes after midnight as the locale writes a time of day ("08:30"), as Babel's short time.
  clock(minutes) {
    const whole = ((Math.round(Number(minutes)) % 1440) + 1440) % 1440;
    const options = { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" };
    return new Intl.DateTimeFormat(this.lang, options).format(new Date(Date.UTC(1970, 0, 1, 0, whole)));
  }

  // The decimals an amount of a money kind is shown with: its own or the currency's, none on a
  // large sum (from the kind's whole_from up).
  moneyDigits(value, currency, k = this.kinds.money) {
    const digits = k.places === null ? this.currencyDigits(currency) : k.places;
    return k.whole_from !== null && Math.abs(Number(value)) >= k.whole_from ? 0 : digits;
  }

  // A money range with the currency once, written with the catalog's range message; both ends
  // with the decimals the high one is shown with (none on a large sum), as the build writes it.
  moneyRange(low, high, currency, t) {
    if (Number(low) === Number(high)) return this.money(low, currency);
    const digits = this.moneyDigits(high, currency);
    const plain = (v) => this.number(v, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    const text = this.money(high, currency, digits);
    return text.replace(plain(high), t("range", { low: plain(low), high: plain(high) }));
  }

  // A figure of the given kind (the spec's Kind); t is the message lookup for units without CLDR names.
  figure(value, kind, currency, t) {
    const k = this.kinds[kind] || this.kinds.number;
    if (k.duration) return this.duration(value, k.parts);
    if (k.clock) return this.clock(value);
    if (k.unit === "currency") return this.money(value, currency, this.moneyDigits(value, currency, k));
    if (k.unit === "percent") return this.percent(value, k.places);
    if (k.unit.startsWith("duration-")) return this.unit(value, k.unit, k.places, k.fewest);
    const options = { minimumFractionDigits: k.fewest, maximumFractionDigits: k.places };
    const number = this.number(value, options);
    return k.unit ? t(k.unit, { value: number }).replace(`${number} `, `${number}\u00a0`) : number;
  }

  // The unit of a kind on its own (a copied table's unit column): "%", Intl's short name of a time.
  unitName(kind, currency, t) {
    const k = this.kinds[kind] || {};
    if (k.unit === "currency") return currency;
    if (k.unit === "percent") return "%";
    if (!k.unit) return "";
    if (!k.unit.startsWith("duration-")) return t(k.unit, { value: "" }).trim();
    const parts = new Intl.NumberFormat(this.lang, { style: "unit", unit: k.unit.replace(/^duration-/, ""), unitDisplay: "short" }).formatToParts(1);
    return parts.filter((p) => p.type === "unit").map((p) => p.value).join("").trim();
  }
}
