/** Which body a report belongs to: the same body named differently across years is one body. */

/**
 * Identity key: the region path and the part of the name after the deepest place it names, so
 * "洪泽区人民政府" and "淮安市洪泽区人民政府" (both 江苏省/淮安市/洪泽区 + 人民政府) are one body.
 */
export function bodyKey(org: string, region: string[] | null): string {
  if (!region?.length) return org;
  const place = region[region.length - 1];
  const at = org.lastIndexOf(place);
  const rest = at >= 0 ? org.slice(at + place.length) : org;
  return `${region.join('/')}|${rest}`;
}
