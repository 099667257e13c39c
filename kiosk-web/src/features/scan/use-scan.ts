import { useMutation } from '@apollo/client/react';
import { ScanAccessCodeDoc } from '../../api/operations';
import { type ScanIntent, type ScanResult } from '../../api/types';
import { useSubmit } from '../../api/use-submit';
import { scanAtSiteInstead } from '../offline/offline-scan';

/**
 * Sends one scan to the server. A scan that arrives while another is in flight is dropped (a code
 * held to the camera is seen many times a second); a failed one can be sent again unchanged.
 */
export function useScan(
  siteId: string,
  onResult: (payload: string, result: ScanResult, intent: ScanIntent) => void,
) {
  const [scanCode] = useMutation(ScanAccessCodeDoc);
  return useSubmit(async (payload: string, intent: ScanIntent = 'RETRIEVE') => {
    let data;
    try {
      ({ data } = await scanCode({ variables: { siteId, payload, intent } }));
    } catch (error) {
      // No server: a collection may still open through the site's own path (its answer is on screen).
      if (await scanAtSiteInstead(payload, intent, error)) return undefined;
      throw error;
    }
    if (!data) throw new Error('no scan result');
    onResult(payload, data.scanAccessCode, intent);
    return data.scanAccessCode;
  });
}
