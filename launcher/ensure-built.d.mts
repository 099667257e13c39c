/** A package folder and the built files it must have. */
export type BuiltPackage = readonly [pkg: string, files: readonly string[]];
export const WORKSPACE_ROOT: string;
export function isBuilt(pkg: string, files: readonly string[]): boolean;
export function ensureBuilt(packages: readonly BuiltPackage[], log?: (line: string) => void): void;
export const SYSTEM_PACKAGES: readonly BuiltPackage[];
export const SYSTEM_AND_APPS: readonly BuiltPackage[];
