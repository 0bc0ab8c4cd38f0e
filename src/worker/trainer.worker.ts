// The training worker: nothing but the session, exposed through comlink.
import { expose } from 'comlink';
import { createTrainerApi } from './api';

expose(createTrainerApi());
