import { EN } from "../../src/core/messages/en";
import { FR } from "../../src/core/messages/fr";
import { format, msg, render } from "../../src/core/messages/render";
import { DEFAULT_SERVICES, serviceName } from "../../src/core/territories/expectations";

describe("message catalogues", () => {
  test("French and English have the same codes and the same parameters in each template", () => {
    expect(Object.keys(EN).sort()).toEqual(Object.keys(FR).sort());
    // Parameters of a template: plural/select constructs reduced to their selector, then {name…}.
    const params = (t: string) =>
      [
        ...new Set(
          [
            ...t
              .replace(/\{(\w+), (?:plural|select), (?:\w+ \{[^{}]*\} ?)+\}/g, "{$1}")
              .matchAll(/\{(\w+)[,}]/g),
          ].map((m) => m[1])
        ),
      ].sort();
    for (const code of Object.keys(FR) as (keyof typeof FR)[])
      expect([code, params(EN[code])]).toEqual([code, params(FR[code])]);
  });

  test("plurals follow Intl.PluralRules of the language (French: 0 and 1 are singular)", () => {
    const t = "{n} {n, plural, one {ligne} other {lignes}}";
    expect(format("fr", t, { n: 0 })).toBe("0 ligne");
    expect(format("fr", t, { n: 1 })).toBe("1 ligne");
    expect(format("fr", t, { n: 2 })).toBe("2 lignes");
    expect(format("en", "{n, plural, one {# line} other {# lines}}", { n: 0 })).toBe("0 lines");
    expect(format("en", "{n, plural, one {# line} other {# lines}}", { n: 1 })).toBe("1 line");
  });

  test("numbers, euros and percentages are written in the language; select picks the branch", () => {
    expect(format("fr", "{x, eur}", { x: 1234567 })).toBe("1\u202f234\u202f567 €");
    expect(format("en", "{x, eur}", { x: 1234567 })).toBe("€1,234,567");
    expect(format("fr", "{x, pct}", { x: 12.345 })).toBe("12,3 %");
    expect(format("fr", "{v, select, reaches {atteint} other {dépasse}}", { v: "reaches" })).toBe(
      "atteint"
    );
    expect(format("fr", "{v, select, reaches {atteint} other {dépasse}}", { v: "exceeds" })).toBe(
      "dépasse"
    );
  });

  test("coverage of 12 lines out of 15 in both languages; nested messages are rendered", () => {
    expect(render("fr", msg("coverage.lines", { n: 12, N: 15 }))).toBe("12 / 15 lignes");
    expect(render("en", msg("coverage.lines", { n: 12, N: 15 }))).toBe("12 / 15 lines");
    const reason = msg("te4.proximityFrom", { source: msg("proximity.works") });
    expect(render("fr", reason)).toBe("Proximité d'après la nature Travaux");
    expect(render("en", reason)).toBe("Proximity according to the works nature");
  });

  test("eurExact writes whole euros without cents and other amounts to the cent, as the compliance texts always did in French", () => {
    // 40 000 € is whole: no ",00"; 22 517,91 € keeps its cents (French groups: narrow no-break spaces)
    expect(format("fr", "{x, eurExact}", { x: 40000 })).toBe("40\u202f000 €");
    expect(format("fr", "{x, eurExact}", { x: 22517.91 })).toBe("22\u202f517,91 €");
    expect(format("en", "{x, eurExact}", { x: 40000 })).toBe("€40,000");
    expect(format("en", "{x, eurExact}", { x: 22517.91 })).toBe("€22,517.91");
  });

  test("eurPlain and intPlain group French digits with ordinary spaces (the scenario texts), English with commas", () => {
    expect(format("fr", "{x, eurPlain}", { x: 1234567 })).toBe("1 234 567 €");
    expect(format("en", "{x, eurPlain}", { x: 1234567 })).toBe("€1,234,567");
    expect(format("fr", "{x, intPlain}", { x: 12500 })).toBe("12 500");
    expect(format("en", "{x, intPlain}", { x: 12500 })).toBe("12,500");
  });

  test("the default services of the questionnaire are named by the catalogue (French name = the matching label)", () => {
    for (const s of DEFAULT_SERVICES) {
      expect(render("fr", serviceName(s))).toBe(s.label);
      expect([s.id, render("en", serviceName(s)) !== s.label]).toEqual([s.id, true]);
    }
    // A service of the Qualité de service table keeps the user's name in both languages.
    expect(render("en", serviceName({ id: "PISCINE", label: "Piscine" }))).toBe("Piscine");
  });

  test("every template renders without leftover placeholders", () => {
    for (const [lang, cat] of [
      ["fr", FR],
      ["en", EN],
    ] as const)
      for (const code of Object.keys(cat) as (keyof typeof FR)[]) {
        const out = render(
          lang,
          msg(code, {
            n: 2,
            N: 3,
            period: "2025",
            count: 2,
            total: 1000,
            threshold: 900,
            share: 40,
          })
        );
        expect([code, /[{}]/.test(out)]).toEqual([code, false]);
      }
  });
});
