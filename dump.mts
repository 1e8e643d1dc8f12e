import { readFileSync } from 'node:fs';
import { pdfToDoc } from './src/ingest/extract/pdf.ts';
const f = process.argv[2];
try {
const d = await pdfToDoc(readFileSync(f), { maxPages: 500 });
for (const l of d.lines) console.log(l.page, l.line, l.grid ? `T${l.grid.table}/${l.grid.width}` : '-', JSON.stringify(l.cells));
} catch (e) { console.log('ERR', (e as Error).name, (e as Error).message); }
