// One ECharts chart in a resizable box. Only the chart kinds and components the sales pages use are registered
// (echarts/core), so the bundle carries no more of ECharts than that; the pages that chart are loaded lazily.
// A click on an element hands its data item to the page (each item carries where to drill).
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, FunnelChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, FunnelSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';

echarts.use([BarChart, FunnelChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | FunnelSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

const FONT = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif';

interface Props {
  option: ChartOption;
  /** What the chart shows, for screen readers (the figures are also reachable as links or tables on the page). */
  label: string;
  height?: number;
  onItemClick?: (data: unknown) => void;
}

export function EChart({ option, label, height = 300, onItemClick }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickHandler = useRef(onItemClick);
  clickHandler.current = onItemClick;

  useEffect(() => {
    const instance = echarts.init(box.current!, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) => clickHandler.current?.(params.data));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current!);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ textStyle: { fontFamily: FONT }, ...option }, true);
  }, [option]);

  return (
    <div ref={box} role="img" aria-label={label} style={{ width: '100%', height, cursor: onItemClick ? 'pointer' : undefined }} />
  );
}
