// A worker thread's entry: reads and parses the one report in workerData (see ../thread.ts).
import { answerFromThread } from '../thread.js';
import { readAndParseHere, REPORT_SLICING } from './read-and-parse.js';

answerFromThread(readAndParseHere, REPORT_SLICING);
