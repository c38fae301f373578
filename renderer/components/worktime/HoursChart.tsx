// Worked hours per day as bars against the day's normal hours as a line, drawn with Chart.js.
// A table with the same figures sits beside every chart, so the canvas is decoration for screen readers.
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
} from 'chart.js';
import { useEffect, useRef } from 'react';

// Only the parts used here are registered, which keeps the bundle small.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend);

export interface HoursChartProps {
  labels: string[];
  workedHours: number[];
  normHours: number[];
  /** Bars of days with a flag are drawn in the warning colour. */
  flagged: boolean[];
  workedLabel: string;
  normLabel: string;
  label: string;
  height?: number;
}

export function HoursChart({ labels, workedHours, normHours, flagged, workedLabel, normLabel, label, height = 220 }: HoursChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels,
        datasets: [
          {
            type: 'bar',
            label: workedLabel,
            data: workedHours,
            backgroundColor: flagged.map((isFlagged) => (isFlagged ? '#b45309' : '#1d4ed8')),
          },
          {
            type: 'line',
            label: normLabel,
            data: normHours,
            borderColor: '#15803d',
            backgroundColor: '#15803d',
            borderDash: [6, 4],
            pointRadius: 3,
          },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, suggestedMax: 10, ticks: { stepSize: 2 } } },
        plugins: { legend: { position: 'bottom' } },
      },
    });
    return () => chart.destroy();
  }, [labels, workedHours, normHours, flagged, workedLabel, normLabel]);

  return (
    <div className="hours-chart" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
