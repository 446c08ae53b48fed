// Request/response pairs of the Bicep CLI's JSON-RPC server (`bicep jsonrpc --stdio`), stable
// since 0.29. Field names are camelCase on the wire. Positions are 0-based.

export interface RpcPosition {
  line: number;
  char: number;
}

export interface RpcRange {
  start: RpcPosition;
  end: RpcPosition;
}

export interface RpcDiagnostic {
  /** Absolute path of the file the diagnostic is in. */
  source: string;
  range: RpcRange;
  /** `Error`, `Warning`, `Info` or `Off`. */
  level: string;
  code: string;
  message: string;
}

export type VersionRequest = Record<string, never>;
export interface VersionResponse {
  version: string;
}

export interface CompileRequest {
  path: string;
}
export interface CompileResponse {
  success: boolean;
  diagnostics: RpcDiagnostic[];
  contents?: string | null;
}

export interface CompileParamsRequest {
  path: string;
  parameterOverrides: Record<string, unknown>;
}
export interface CompileParamsResponse {
  success: boolean;
  diagnostics: RpcDiagnostic[];
  parameters?: string | null;
  template?: string | null;
}

export interface GetFileReferencesRequest {
  path: string;
}
export interface GetFileReferencesResponse {
  filePaths: string[];
}

export interface GetDeploymentGraphRequest {
  path: string;
}
/** A resource or module declaration of the file asked about (not of its modules), with its 0-based range. */
export interface DeploymentGraphNode {
  range: RpcRange;
  name: string;
  type: string;
  isExisting: boolean;
  /** A module's path as written, `br:`/`ts:` references included. */
  relativePath?: string;
}
export interface GetDeploymentGraphResponse {
  nodes: DeploymentGraphNode[];
  edges: { source: string; target: string }[];
}
