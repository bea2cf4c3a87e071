// A worker thread's entry: reads and parses the one report in workerData (see ../thread.ts).
import { answerFromThread } from '../thread.js';
import { readAndParseHere } from './read-and-parse.js';

answerFromThread(readAndParseHere);
