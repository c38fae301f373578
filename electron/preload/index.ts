// Preload of the main window. It runs sandboxed, so it is bundled into one CommonJS file that
// requires nothing but 'electron'.
import { contextBridge, ipcRenderer } from 'electron';
import { buildCompanionApi } from './api';

contextBridge.exposeInMainWorld('companion', buildCompanionApi(ipcRenderer));
