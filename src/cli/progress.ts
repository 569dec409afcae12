/**
 * Progress on stderr: a bar with the stage and counts when stderr is a terminal, plain lines
 * otherwise (logs, CI). Stages follow the pane's: lecture, contrôle, indicateurs, écriture.
 */

export type Stage = "lecture" | "contrôle" | "indicateurs" | "écriture";

const STAGES: Stage[] = ["lecture", "contrôle", "indicateurs", "écriture"];
const WIDTH = 24;

export interface ProgressSink {
  write(text: string): void;
  isTTY: boolean;
}

export class Progress {
  private lastLine = "";
  private drawn = false;

  constructor(private readonly out: ProgressSink) {}

  /** Announces a stage with an optional detail (« 20 000 lignes »). */
  stage(stage: Stage, detail = ""): void {
    const index = STAGES.indexOf(stage);
    const text = `[${index + 1}/${STAGES.length}] ${stage}${detail ? ` : ${detail}` : ""}`;
    if (this.out.isTTY) {
      const filled = Math.round(((index + 1) / STAGES.length) * WIDTH);
      this.redraw(`${"█".repeat(filled)}${"░".repeat(WIDTH - filled)} ${text}`);
    } else {
      this.out.write(text + "\n");
    }
  }

  /** Ends the progress display (a newline after the bar). */
  done(message: string): void {
    if (this.out.isTTY && this.drawn) this.out.write("\n");
    this.drawn = false;
    this.out.write(message + "\n");
  }

  private redraw(line: string): void {
    const pad =
      this.lastLine.length > line.length ? " ".repeat(this.lastLine.length - line.length) : "";
    this.out.write(`\r${line}${pad}`);
    this.lastLine = line;
    this.drawn = true;
  }
}
