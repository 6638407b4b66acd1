// Cross-module effects after commit. A module announces what happened with `w.publish(event, payload)` in
// the transaction of its change: one job per subscriber is written with the change, so the announcement
// exists exactly when the change committed. Each subscribing module reacts in its own job (its own
// transaction, retried alone when it fails). An event is defined once, by the module that publishes it, in
// its `<module>.events.ts` (a leaf file other modules may import: see eslint.config.js).
import type { z } from 'zod';
import { defineJob } from './jobs';
import type { EventBus as EventBusContract, EventDefinition, JobDefinition, Subscription } from './types';

export type { EventDefinition, Subscription } from './types';

export const defineEvent = <S extends z.ZodType>(name: string, payload: S): EventDefinition<S> => ({
  name,
  payload,
});

export const subscribe = <S extends z.ZodType>(sub: Subscription<S>): Subscription<S> => sub;

/** The job that delivers `event` to one subscriber. */
export const deliveryJobName = (eventName: string, subscriber: string) => `event:${eventName}:${subscriber}`;

/** Who listens to which event: filled at boot from the modules' subscriptions, read by `publish`. */
export class EventBus implements EventBusContract {
  private readonly byEvent = new Map<string, { job: string; wants?: (payload: any) => boolean }[]>();

  /** The subscription's delivery job, for the job queue; remembers it as a listener of its event. */
  subscribe(sub: Subscription<any>): JobDefinition<any> {
    const name = deliveryJobName(sub.event.name, sub.name);
    const list = this.byEvent.get(sub.event.name) ?? [];
    if (list.some((l) => l.job === name))
      throw new Error(`${sub.name} subscribes twice to ${sub.event.name}`);
    this.byEvent.set(sub.event.name, [...list, { job: name, wants: sub.wants?.bind(sub) }]);
    return defineJob({
      name,
      payload: sub.event.payload,
      handle: (app, payload, job) => sub.handle(app, payload, job),
      maxAttempts: sub.maxAttempts,
    });
  }

  /** The delivery jobs of one announcement of an event (none when nobody listens or wants it). */
  deliveries(eventName: string, payload: unknown): string[] {
    return (this.byEvent.get(eventName) ?? []).filter((l) => !l.wants || l.wants(payload)).map((l) => l.job);
  }
}
