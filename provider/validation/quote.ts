// How messages show a value the user gave: quoted, with control characters escaped, so
// that a stray space, newline or tab is visible. Depends on nothing.

export function quote(value: string): string {
    return `'${JSON.stringify(value).slice(1, -1)}'`;
}
