// The app's features, provided by main.tsx: for a page that lists what the other features offer (the home
// page's cards) without importing features/index.ts, which imports that page's feature (no import cycle).
import { createContext } from 'react';
import type { Feature } from './types';

export const FeaturesContext = createContext<readonly Feature[]>([]);
