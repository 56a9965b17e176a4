/** One finding of `corridor registry verify`; contract_no is null for the log itself (nodes, tree heads). */
export interface RegistryProblem {
  contract_no: string | null;
  message: string;
}

const MAX_PROBLEMS = 1000;

/** Collects findings in bounded memory: past 1,000 it only counts. */
export class ProblemList {
  private readonly kept: RegistryProblem[] = [];
  private dropped = 0;

  add(contractNo: string | null, message: string): void {
    if (this.kept.length < MAX_PROBLEMS) this.kept.push({ contract_no: contractNo, message });
    else this.dropped++;
  }

  get ok(): boolean {
    return this.kept.length === 0;
  }

  list(): RegistryProblem[] {
    return this.dropped === 0
      ? this.kept
      : [...this.kept, { contract_no: null, message: `${this.dropped} further problems are not listed` }];
  }
}
