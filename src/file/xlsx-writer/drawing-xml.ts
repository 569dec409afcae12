/**
 * Drawing parts (xl/drawings/drawingN.xml): one per sheet with charts, one anchored graphic frame
 * per chart, from the chart's top-left cell over widthCols × heightRows cells.
 */
import type { ChartSpec } from "../../report/spec";
import { escapeAttr, NS, XML_DECL } from "./xml";

export interface PlacedChart {
  chart: ChartSpec;
  /** Relationship id of the chart part in the drawing's relationships. */
  relId: string;
}

export function drawingXml(charts: PlacedChart[]): string {
  const anchors = charts.map(({ chart, relId }, i) => {
    const a = chart.anchor;
    const cell = (col: number, row: number) =>
      `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
    return (
      `<xdr:twoCellAnchor editAs="oneCell">` +
      `<xdr:from>${cell(a.col, a.row)}</xdr:from><xdr:to>${cell(a.col + a.widthCols, a.row + a.heightRows)}</xdr:to>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeAttr(`Graphique ${i + 1} ${chart.id}`)}" descr="${escapeAttr(chart.title)}"/>` +
      `<xdr:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></xdr:cNvGraphicFramePr></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="${relId}"/></a:graphicData></a:graphic>` +
      `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return (
    XML_DECL +
    `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">${anchors.join("")}</xdr:wsDr>`
  );
}
