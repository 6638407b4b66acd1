// The time-based one-time codes of the second factor (RFC 6238), shared by sign-in and enrolment.
import { verify as verifyTotp } from 'otplib';

/**
 * A code from the authenticator's previous 30-second step is still accepted (RFC 6238 §5.2 allows one step
 * of delay): without it, a code typed in the last seconds of its step was refused once the step turned,
 * to a person and to the browser journey alike. Codes from the next step are not.
 */
const TOTP_TOLERANCE: [number, number] = [30, 0];

/**
 * The TOTP time step `code` is accepted for under `secret`, or null when it is wrong. With `afterStep`, only
 * a step after it is accepted: a code is accepted once (RFC 6238 §5.2).
 */
export async function acceptedTotpStep(
  secret: string,
  code: string,
  afterStep: number | null = null,
): Promise<number | null> {
  const result = await verifyTotp({
    secret,
    token: code,
    epochTolerance: TOTP_TOLERANCE,
    ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
  });
  // otplib's result type also covers HOTP.
  if (!result.valid) return null;
  if (!('timeStep' in result)) throw new Error('a TOTP verification without its time step');
  return result.timeStep;
}
