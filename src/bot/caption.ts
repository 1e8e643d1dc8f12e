/**
 * The caption of an uploaded report: an admin may give the body and year the report is from
 * (「机关：某某区人民政府 年份：2024」), which replace what its title says.
 */
import { MAX_YEAR, MIN_YEAR, parseYear, type TitleOverride } from '../ingest/override.js';

const SEP = '\\s,，;；、';
const KEY_BODY = '(?:机关|机构|单位)(?:名称)?';
const KEY_YEAR = '(?:年份|年度)';
const BODY = new RegExp(`${KEY_BODY}\\s*[:：]\\s*([^${SEP}]+?)(?=$|[${SEP}]|${KEY_YEAR}\\s*[:：])`);
const YEAR = new RegExp(`${KEY_YEAR}\\s*[:：]\\s*([^${SEP}]+?)(?=$|[${SEP}]|${KEY_BODY}\\s*[:：])`);
const QUOTES = /^[「『“"《]+|[」』”"》]+$/g;

/** What a caption says: the body and/or year, or what is wrong with it. Without either key: nothing. */
export function parseCaption(caption: string | undefined): TitleOverride & { error?: string } {
  const text = (caption ?? '').trim();
  const out: TitleOverride & { error?: string } = {};
  const body = BODY.exec(text)?.[1].replace(QUOTES, '').trim();
  if (body) out.body = body;
  const yearText = YEAR.exec(text)?.[1];
  if (yearText !== undefined) {
    const y = parseYear(yearText.replace(/年度?$/, ''));
    if (y === null) out.error = `说明中的年份「${yearText}」不对：应为 ${MIN_YEAR}–${MAX_YEAR} 之间的四位数字，例如「年份：2024」。`;
    else out.year = y;
  }
  return out;
}

/** Said under a refusal whose reason is that the body or year was not found. */
export const CAPTION_HINT = '可以重新发送这个文件，并在文件的说明文字里写明机关和年份，例如：机关：某某区人民政府 年份：2024';
