// Keys are UUIDv7: time-ordered, so inserts stay at the right edge of every index.
import { v7 } from 'uuid';

export const newId = (): string => v7();
