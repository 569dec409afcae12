/** @jest-environment jsdom */
/**
 * The column mapping editor: one labelled dropdown per field, required fields flagged, unmet
 * requirements said in a sentence with what to do, columns used twice, English labels.
 */
import { fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { autoMap } from "../../src/core/detect";
import { MappingEditor } from "../../src/taskpane/components/MappingEditor";
import type { Lang } from "../../src/taskpane/i18n";

const HEADERS = ["Date mandat", "Fournisseur", "Objet", "Total payé", "SIRET"];

function renderEditor(mapping: Record<string, number>, lang: Lang = "fr") {
  const onChange = jest.fn();
  const utils = render(
    <FluentProvider theme={webLightTheme}>
      <MappingEditor lang={lang} kind="spend" headers={HEADERS} mapping={mapping} onChange={onChange} />
    </FluentProvider>,
  );
  return { onChange, ...utils };
}

describe("MappingEditor", () => {
  it("flags the missing amount with a sentence that says what to do", () => {
    const mapping = autoMap(HEADERS, "spend");
    expect(mapping.amountHT).toBeUndefined();
    renderEditor(mapping);
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toBe(
      "Colonne obligatoire introuvable : Montant HT ou Montant TTC. Ajoutez-la au tableau ou associez-la ci-dessous à une colonne existante.",
    );
  });

  it("labels every dropdown, shows the mapped column and marks required fields", () => {
    renderEditor(autoMap(HEADERS, "spend"));
    const date = screen.getByLabelText(/^Date/) as HTMLSelectElement;
    expect(date.tagName).toBe("SELECT");
    expect(date.value).toBe("0");
    expect(date.selectedOptions[0].textContent).toBe("A · Date mandat");
    const supplier = screen.getByLabelText(/^Fournisseur/) as HTMLSelectElement;
    expect(supplier.value).toBe("1");
    expect(screen.getAllByText("obligatoire").length).toBe(1);
    expect(screen.getAllByText("au moins un").length).toBe(4);
    // Every column offered, plus "not used".
    expect(within(date).getAllByRole("option").map((o) => o.textContent)).toEqual([
      "— Non utilisée —",
      "A · Date mandat",
      "B · Fournisseur",
      "C · Objet",
      "D · Total payé",
      "E · SIRET",
    ]);
  });

  it("reports a choice and an un-mapping to the parent", () => {
    const { onChange } = renderEditor(autoMap(HEADERS, "spend"));
    fireEvent.change(screen.getByLabelText(/^Montant TTC/), { target: { value: "3" } });
    expect(onChange).toHaveBeenLastCalledWith("amountTTC", 3);
    fireEvent.change(screen.getByLabelText(/^Fournisseur/), { target: { value: "" } });
    expect(onChange).toHaveBeenLastCalledWith("supplierName", null);
  });

  it("clears the message once the requirement is met", () => {
    renderEditor({ ...autoMap(HEADERS, "spend"), amountTTC: 3 });
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("says when one column feeds two fields", () => {
    renderEditor({ date: 0, amountHT: 3, amountTTC: 3, supplierName: 1 });
    expect(screen.getByText(/La colonne « Total payé » est associée à plusieurs champs : Montant HT, Montant TTC\./)).toBeTruthy();
  });

  it("lists the optional fields in a collapsible section that opens on demand", () => {
    renderEditor(autoMap(HEADERS, "spend"));
    expect(screen.queryByLabelText(/^Service/)).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: /Autres champs/ }));
    expect(screen.getByLabelText(/^Service/)).toBeTruthy();
  });

  it("speaks English when the pane does", () => {
    renderEditor({ date: 0 }, "en");
    expect(screen.getByRole("alert").textContent).toBe(
      "Required columns not found: Amount excl. VAT or Amount incl. VAT; Supplier or Supplier SIRET / SIREN. Add them to the table or map them below to existing columns.",
    );
    expect(screen.getByLabelText(/^Date/)).toBeTruthy();
    expect(screen.getAllByText("required").length).toBe(1);
  });
});
