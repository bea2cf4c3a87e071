// A worker thread's entry: reads and checks the file of indicator values in workerData (see ./thread.ts).
import { readObservationsHere } from './observation-read.js';
import { answerFromThread } from './thread.js';

answerFromThread(readObservationsHere);
