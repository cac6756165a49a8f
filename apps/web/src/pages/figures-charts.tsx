import type { ChartConfiguration } from "chart.js";
import { createEffect, onCleanup, onMount } from "solid-js";

/**
 * Colours for a chart's series: dark enough against white for a line or bar edge (3:1), told
 * apart by lightness as well as hue, and in the same order in every chart.
 */
export const seriesColours = ["#1d4f91", "#c0392b", "#1e7b4f", "#7a4fa0", "#b35900", "#00707a", "#6b6b6b"];

/**
 * A chart drawn by chart.js on a canvas that reads as one image: its accessible name is the
 * chart's summary in plain words, and the page gives its figures as a table beside it.
 */
export function FiguresChart(props: { config: () => ChartConfiguration; summary: string; height?: number }) {
  let canvas: HTMLCanvasElement | undefined;
  let chart: { destroy(): void; update(): void; data: unknown; options: unknown } | undefined;
  let disposed = false;

  onMount(async () => {
    const { Chart } = await import("./figures-chart-js");
    if (disposed || !canvas) return;
    chart = new Chart(canvas, { ...props.config() }) as unknown as typeof chart;
  });

  // New figures (another period, other sites) redraw the same chart.
  createEffect(() => {
    const config = props.config();
    if (!chart) return;
    chart.data = config.data;
    chart.options = config.options ?? {};
    chart.update();
  });

  onCleanup(() => {
    disposed = true;
    chart?.destroy();
  });

  return (
    <div class="figures-chart" style={{ height: `${props.height ?? 320}px` }}>
      <canvas ref={canvas} role="img" aria-label={props.summary} />
    </div>
  );
}

/** Options every chart shares: sized by its box, legend below, whole numbers on the value axis. */
export function baseOptions(extra: { stacked?: boolean; valueTitle: string }) {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false as const,
    plugins: { legend: { position: "bottom" as const } },
    scales: {
      x: { stacked: extra.stacked ?? false },
      y: {
        stacked: extra.stacked ?? false,
        beginAtZero: true,
        ticks: { precision: 0 },
        title: { display: true, text: extra.valueTitle },
      },
    },
  };
}
