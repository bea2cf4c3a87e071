// How a message leaves Compendium: through the SMTP server COMPENDIUM_SMTP_URL names (nodemailer, a
// pool of connections), or written as an .eml file in the data folder (the demo's default), or nowhere.
import fs from 'node:fs';
import path from 'node:path';
import type { MailConfig } from '../config.js';

export interface MailMessage {
  id: number;
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  readonly mode: MailConfig['mode'];
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** The SMTP URL with its password taken out, for messages an administrator reads. */
export const withoutPassword = (url: string): string => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:…@');

export async function createMailer(config: MailConfig): Promise<Mailer> {
  if (config.mode === 'off') return { mode: 'off', send: async () => undefined, close: () => undefined };
  if (config.mode === 'file') {
    return {
      mode: 'file',
      async send(m) {
        fs.mkdirSync(config.folder, { recursive: true });
        const text = [`From: ${config.from}`, `To: ${m.to}`, `Subject: ${m.subject}`, 'Content-Type: text/plain; charset=utf-8', '', m.text].join('\r\n');
        // Written whole, then renamed, so that nothing reading the folder sees half a message.
        const file = path.join(config.folder, `${String(m.id).padStart(8, '0')}.eml`);
        fs.writeFileSync(`${file}.partial`, text);
        fs.renameSync(`${file}.partial`, file);
      },
      close: () => undefined,
    };
  }
  const nodemailer = (await import('nodemailer')).default;
  // A pool of connections: many messages (a bulk approval, the morning's reminders) go over a few connections.
  const url = new URL(config.smtpUrl!);
  url.searchParams.set('pool', 'true');
  url.searchParams.set('maxConnections', '5');
  const transport = nodemailer.createTransport(url.toString());
  return {
    mode: 'smtp',
    async send(m) {
      try {
        await transport.sendMail({ from: config.from, to: m.to, subject: m.subject, text: m.text, disableFileAccess: true, disableUrlAccess: true });
      } catch (e) {
        throw new Error(`The mail server at ${withoutPassword(config.smtpUrl!)} did not take the message: ${(e as Error).message}`);
      }
    },
    close: () => transport.close(),
  };
}
