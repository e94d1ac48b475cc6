/** A problem with input data, located precisely enough for a person to find and fix it. */
export interface DataIssue {
  /** Where the data came from: a file name or URL. */
  source: string;
  /** JSON path inside it, e.g. `features[12].geometry.coordinates[0][3]`; empty for the whole. */
  path: string;
  message: string;
}

export function formatIssue(issue: DataIssue): string {
  return issue.path
    ? `${issue.source}: ${issue.path}: ${issue.message}`
    : `${issue.source}: ${issue.message}`;
}

/** Thrown when input cannot be used at all; carries every issue found. */
export class DataError extends Error {
  readonly issues: DataIssue[];
  constructor(issues: DataIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'DataError';
    this.issues = issues;
  }
}
