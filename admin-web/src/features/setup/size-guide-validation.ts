// The size guide's inside dimensions as an admin types them. Pure, tested beside.

export interface DimensionsDraft {
  widthCm: string;
  heightCm: string;
  depthCm: string;
}

/** The values to send (all three, or none to clear), or errors by field. The server checks the same bounds. */
export function validateDimensions(
  d: DimensionsDraft,
):
  | { ok: true; value: { widthCm: number; heightCm: number; depthCm: number } | null }
  | { ok: false; errors: Partial<Record<keyof DimensionsDraft, string>> } {
  const raw = { widthCm: d.widthCm.trim(), heightCm: d.heightCm.trim(), depthCm: d.depthCm.trim() };
  if (!raw.widthCm && !raw.heightCm && !raw.depthCm) return { ok: true, value: null };
  const errors: Partial<Record<keyof DimensionsDraft, string>> = {};
  for (const field of ['widthCm', 'heightCm', 'depthCm'] as const) {
    const v = raw[field];
    if (!/^\d{1,3}$/.test(v) || Number(v) < 5 || Number(v) > 300)
      errors[field] = 'Whole centimetres, 5 to 300.';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: { widthCm: Number(raw.widthCm), heightCm: Number(raw.heightCm), depthCm: Number(raw.depthCm) },
  };
}
