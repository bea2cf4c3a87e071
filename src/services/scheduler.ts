// The web server's clock: sends the outbox every little while, and runs reminders and the recurring
// calendar every hour or so. A round never overlaps the one before, and a failed round is reported
// and tried again next time (the server keeps serving). `compendium reminders send` does one round by hand.
import type { MailConfig } from '../config.js';
import type { outboxService } from './outbox.js';
import type { reminderService } from './reminders.js';

interface Deps {
  outbox: Pick<ReturnType<typeof outboxService>, 'sendDue'>;
  reminders: Pick<ReturnType<typeof reminderService>, 'run'>;
}

export interface Scheduler {
  stop(): Promise<void>;
}

export function startScheduler(deps: Deps, mail: Pick<MailConfig, 'sendEverySeconds' | 'remindEverySeconds'>, report: (problem: string) => void): Scheduler {
  let running: Promise<void> | null = null;
  let lastRemind = 0;
  const round = async () => {
    if (Date.now() - lastRemind >= mail.remindEverySeconds * 1000) {
      lastRemind = Date.now();
      await deps.reminders.run();
    }
    await deps.outbox.sendDue();
  };
  const tick = () => {
    if (running) return;
    running = round().catch((e: unknown) => report(`Sending e-mail or reminders failed, will try again: ${(e as Error).message}`)).finally(() => { running = null; });
  };
  const timer = setInterval(tick, mail.sendEverySeconds * 1000);
  timer.unref();
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
