import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from "chart.js";

/**
 * chart.js with only the parts the figures page draws (bars, lines, their axes, legend and
 * tooltips), so the rest of the library stays out of the bundle. Loaded only by that page.
 */
Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  Legend,
  Tooltip,
  LineController,
  LineElement,
  PointElement,
);

export { Chart };
