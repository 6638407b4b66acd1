// The one ECharts host of the app (echarts-for-react cannot be bundled here: its tslib dependency is not installed).
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts';

export interface ChartProps {
  option: echarts.EChartsOption;
  height?: number;
}

export default function Chart({ option, height = 240 }: ChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption(option, true);
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={ref} style={{ width: '100%', height }} />;
}
