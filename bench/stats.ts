// The one summary every benchmark figure is given as: the median of its runs and their
// spread (min and max).

export interface Spread {
    median: number;
    min: number;
    max: number;
    runs: number;
}

export function spread(values: number[]): Spread {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    const median = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
}

/** Pairwise ratios of two series measured side by side (run i of one against run i of the other). */
export function ratios(numerator: number[], denominator: number[]): Spread {
    return spread(numerator.map((value, i) => value / denominator[i]));
}

/** `median [min-max]` with the given decimals. */
export function show(s: Spread | undefined, decimals = 2): string {
    if (!s) return "-";
    return `${s.median.toFixed(decimals)} [${s.min.toFixed(decimals)}-${s.max.toFixed(decimals)}]`;
}
