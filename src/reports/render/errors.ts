// A tool or font a format needs is not on the machine. The files already made (the formats that do
// not need it) travel with the error, so the CLI can still write them before it stops.
import { MissingToolError } from '../../errors.js';

export class RenderToolMissingError extends MissingToolError {
  partial: { format: string; fileName: string; mediaType: string; bytes: Uint8Array }[] = [];
}
