// A Chart.js chart of the Kinerja page. Every chart sits beside a table or sentence with the same
// numbers, and its canvas carries an aria-label naming what it shows.
import { ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, Legend, LinearScale, Tooltip, type ChartConfiguration } from 'chart.js';
import { useEffect, useRef } from 'react';

// Only the parts these charts use are registered, which keeps the bundle small.
Chart.register(ArcElement, BarController, BarElement, CategoryScale, DoughnutController, LinearScale, Legend, Tooltip);

export type KinerjaChartConfig = ChartConfiguration<'bar'> | ChartConfiguration<'doughnut'>;

export function KinerjaChart({ config, label, testId }: { config: KinerjaChartConfig; label: string; testId?: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    if (!canvas.current) return undefined;
    const chart = new Chart(canvas.current, config as ChartConfiguration);
    return () => chart.destroy();
  }, [config]);

  return (
    <div className="kinerja-chart">
      <canvas ref={canvas} role="img" aria-label={label} data-testid={testId} />
    </div>
  );
}
