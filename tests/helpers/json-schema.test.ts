/** The small JSON Schema validator used to check the DECP the tool writes, on hand-written cases. */
import { validateJson } from "./json-schema";

describe("validateJson (the subset of JSON Schema the DECP schema uses)", () => {
  const schema = {
    type: "object",
    required: ["id", "n"],
    properties: {
      id: { $ref: "#/definitions/Id" },
      n: { type: "integer", minimum: 1 },
      kind: { enum: ["A", "B"] },
      list: { type: "array", minItems: 1, uniqueItems: true, items: { type: "string", maxLength: 3 } },
      x: { type: "number" },
    },
    anyOf: [{ required: ["kind"] }, { required: ["list"] }],
    definitions: { Id: { type: "string", pattern: "^[0-9]{3}$" } },
  };

  test("a valid value has no error", () => {
    expect(validateJson(schema, { id: "123", n: 2, kind: "A", x: 3 })).toEqual([]);
  });

  test("each keyword can fail: type, required, enum, pattern via $ref, minimum, items, uniqueItems, anyOf", () => {
    expect(validateJson(schema, { id: "12a", n: 0, kind: "C" })).toEqual([
      "$.id: « 12a » ne suit pas le motif ^[0-9]{3}$",
      "$.n: 0 < 1",
      '$.kind: "C" hors de l\'énumération',
    ]);
    expect(validateJson(schema, { id: "123" })).toEqual([
      "$: champ obligatoire « n » absent",
      "$: aucune des variantes anyOf ne convient",
    ]);
    expect(validateJson(schema, { id: "123", n: 1.5, list: ["ab", "ab", "abcd"] })).toEqual([
      "$.n: type number, attendu integer",
      "$.list: éléments répétés",
      "$.list[2]: longueur 4 > 3",
    ]);
    expect(validateJson(schema, "x")).toEqual(["$: type string, attendu object"]);
  });

  test("a keyword outside the subset is refused, not ignored", () => {
    expect(() => validateJson({ oneOf: [] }, 1)).toThrow(/non pris en charge : oneOf/);
  });
});
