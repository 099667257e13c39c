// A kiosk's or gateway's token (ADMIN): rotate (the new one shown once, the old one kept for a
// grace so the device stays online while it is installed) or revoke (no token works until the
// next rotation; its connections close at once).
import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { ConfirmAction } from '../../ui/confirm-action';
import { formatDateTime } from '../../ui/format';
import { SecretOnce } from '../../ui/secret-once';
import { RevokeDeviceTokenMutation, RotateDeviceTokenMutation } from './lifecycle.operations';

/** Rotate and revoke buttons for one device, with the new token once rotated. */
export function DeviceTokenActions({
  deviceId,
  name,
  timezone,
  onChanged,
}: {
  deviceId: string;
  name: string;
  timezone: string;
  onChanged: () => void;
}) {
  const [rotate] = useMutation(RotateDeviceTokenMutation);
  const [revoke] = useMutation(RevokeDeviceTokenMutation);
  const [fresh, setFresh] = useState<{ token: string; oldUntil: string | null } | null>(null);
  const [revoked, setRevoked] = useState(false);
  return (
    <span className="device-token-actions">
      <ConfirmAction
        label={`Rotate token of ${name}`}
        question="A new token is issued; the current one keeps working for 5 minutes."
        onConfirm={async () => {
          const { data } = await rotate({ variables: { deviceId } });
          const r = data?.rotateDeviceToken;
          if (r) setFresh({ token: r.token, oldUntil: r.oldTokenValidUntil ?? null });
          setRevoked(false);
          onChanged();
        }}
      />
      <ConfirmAction
        danger
        label={`Revoke token of ${name}`}
        question="The device stops working now, until its token is rotated."
        onConfirm={async () => {
          await revoke({ variables: { deviceId } });
          setFresh(null);
          setRevoked(true);
          onChanged();
        }}
      />
      {revoked && (
        <span role="status" className="ok">
          Token revoked.
        </span>
      )}
      {fresh && (
        <>
          <SecretOnce title={`New token of “${name}”`} secret={fresh.token} />
          {fresh.oldUntil && (
            <span className="muted">
              The old token works until {formatDateTime(fresh.oldUntil, timezone)}.
            </span>
          )}
        </>
      )}
    </span>
  );
}
