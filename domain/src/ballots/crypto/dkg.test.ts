// The tellers' key: a joint Feldman DKG with 3 tellers and a threshold of 2. Any 2 decrypt the
// totals, 1 cannot; the key is the sum of the constant commitments; a dealer sending a bad share
// is named; a wrong partial decryption is caught by its proof.
import { describe, expect, it } from 'vitest';
import { combineBallots, encryptBallot } from './ballot';
import { decryptTotals, partialDecrypt, verifyPartialDecryption } from './decrypt';
import {
  completeDkg,
  createCeremonyKey,
  dealShares,
  publicKeyFromDeals,
  verificationKeysFromDeals,
} from './dkg';
import { group } from './group';
import type { BallotContext, CurveName, DkgDeal } from './types';

function ceremony(curve: CurveName, voteId = 'vote-dkg') {
  const keys = [1, 2, 3].map((i) => createCeremonyKey(curve, i));
  const base = { curve, voteId, threshold: 2, tellers: 3 };
  const deals = keys.map((k) =>
    dealShares({ ...base, index: k.index, ceremonyPublicKeys: keys.map((x) => x.publicKey) }),
  );
  return { keys, base, deals };
}

describe.each(['p256', 'sm2'] as const)(
  'DKG and threshold decryption on %s',
  { timeout: 60_000 },
  (curve) => {
    const { keys, base, deals } = ceremony(curve);
    const shares = keys.map((me) => {
      const r = completeDkg({ ...base, me, deals });
      if (!r.ok) throw new Error(r.reason);
      return r.share;
    });
    const publicKey = publicKeyFromDeals(curve, deals);
    const ctx: BallotContext = { voteId: base.voteId, curve, publicKey, candidates: 3, maxChoices: 2 };
    const choices = [[0], [0, 2], [], [1, 2], [2], [0]];
    const totals = combineBallots(
      ctx,
      choices.map((c) => encryptBallot(ctx, c)),
    );
    const expected = [3, 1, 3];
    const pds = shares.map((s) => partialDecrypt(ctx, s, totals));

    it('gives every teller the same public key: the sum of the constant commitments', () => {
      const g = group(curve);
      const sum = deals.map((d) => g.parsePoint(d.commitments[0], 'c0')).reduce((a, b) => a.add(b));
      expect(publicKey).toBe(g.pointHex(sum));
      for (const s of shares) expect(s.publicKey).toBe(publicKey);
      const vks = verificationKeysFromDeals(curve, deals, 3);
      shares.forEach((s, i) => {
        expect(s.verificationKeys).toEqual(vks);
        expect(g.pointHex(g.mulG(g.parseScalar(s.secret, 'secret')))).toBe(vks[i]);
      });
      // No one holds the key: the shares are points of a degree-1 polynomial whose value at 0 is the key.
      const s1 = g.parseScalar(shares[0].secret, 's1');
      const s2 = g.parseScalar(shares[1].secret, 's2');
      expect(g.pointHex(g.mulG(2n * s1 - s2))).toBe(publicKey);
    });

    it('lets any 2 of the 3 tellers decrypt the right totals', () => {
      const vks = verificationKeysFromDeals(curve, deals, 3);
      for (const pair of [
        [0, 1],
        [0, 2],
        [1, 2],
      ]) {
        const partials = pair.map((i) => pds[i]);
        expect(
          decryptTotals(ctx, totals, partials, choices.length, { threshold: 2, verificationKeys: vks }),
        ).toEqual(expected);
      }
      expect(decryptTotals(ctx, totals, pds, choices.length)).toEqual(expected);
    });

    it('does not let 1 teller decrypt', () => {
      for (const pd of pds) {
        expect(() => decryptTotals(ctx, totals, [pd], choices.length, { threshold: 2 })).toThrow(
          /threshold is 2/,
        );
        expect(() => decryptTotals(ctx, totals, [pd], choices.length)).toThrow(/does not decrypt/);
      }
    });

    it('catches a wrong partial decryption by its proof', () => {
      const vks = verificationKeysFromDeals(curve, deals, 3);
      const g = group(curve);
      expect(verifyPartialDecryption(ctx, vks[1], totals, pds[1]).ok).toBe(true);
      // A factor changed: the proof no longer matches.
      const forged = structuredClone(pds[1]);
      forged.factors[2] = g.pointHex(g.parsePoint(forged.factors[2], 'f').double());
      expect(verifyPartialDecryption(ctx, vks[1], totals, forged)).toMatchObject({
        ok: false,
        field: 'factors[2]',
      });
      // A teller using a wrong secret, with a proof that is correct for that secret: refused against its key.
      const wrongSecret = g.mod(g.parseScalar(shares[1].secret, 's') + 1n);
      const vksWrong = [...vks];
      vksWrong[1] = g.pointHex(g.mulG(wrongSecret));
      const liar = partialDecrypt(
        ctx,
        { ...shares[1], secret: g.scalarHex(wrongSecret), verificationKeys: vksWrong },
        totals,
      );
      expect(verifyPartialDecryption(ctx, vks[1], totals, liar)).toMatchObject({
        ok: false,
        field: 'factors[0]',
      });
      expect(() =>
        decryptTotals(ctx, totals, [pds[0], liar], choices.length, { verificationKeys: vks }),
      ).toThrow(/teller 2's partial decryption/);
      // A proof for another vote, and malformed input.
      expect(verifyPartialDecryption({ ...ctx, voteId: 'other' }, vks[1], totals, pds[1]).ok).toBe(false);
      expect(verifyPartialDecryption(ctx, vks[1], totals, { ...pds[1], factors: [] })).toMatchObject({
        ok: false,
        field: 'factors',
      });
    });
  },
);

describe('a faulty dealer is named', () => {
  it('when its share does not match its commitments', () => {
    const { keys, base, deals } = ceremony('p256');
    // Teller 2 commits to one polynomial and sends shares of another.
    const other = dealShares({ ...base, index: 2, ceremonyPublicKeys: keys.map((k) => k.publicKey) });
    const bad: DkgDeal[] = [deals[0], { ...deals[1], encryptedShares: other.encryptedShares }, deals[2]];
    const r = completeDkg({ ...base, me: keys[0], deals: bad });
    expect(r).toMatchObject({ ok: false, faultyTeller: 2 });
    if (!r.ok) expect(r.reason).toMatch(/does not match teller 2's commitments/);
  });

  it('when its box does not open, is missing, or its deal is malformed', () => {
    const { keys, base, deals } = ceremony('p256');
    const garbled = structuredClone(deals);
    const box = garbled[2].encryptedShares[0].box;
    garbled[2].encryptedShares[0].box = box.slice(0, -2) + (box.endsWith('00') ? '01' : '00');
    expect(completeDkg({ ...base, me: keys[0], deals: garbled })).toMatchObject({
      ok: false,
      faultyTeller: 3,
    });
    // A box for teller 1 can't be opened by teller 2 with its key (boxed to teller 1's ceremony key).
    const misdirected = structuredClone(deals);
    misdirected[0].encryptedShares[1].box = deals[0].encryptedShares[0].box;
    expect(completeDkg({ ...base, me: keys[1], deals: misdirected })).toMatchObject({
      ok: false,
      faultyTeller: 1,
    });
    expect(completeDkg({ ...base, me: keys[0], deals: [deals[0], deals[2]] })).toMatchObject({
      ok: false,
      faultyTeller: 2,
    });
    const short = structuredClone(deals);
    short[0].commitments.pop();
    expect(completeDkg({ ...base, me: keys[1], deals: short })).toMatchObject({ ok: false, faultyTeller: 1 });
    const offCurve = structuredClone(deals);
    offCurve[1].commitments[1] = '03' + 'ab'.repeat(32);
    expect(completeDkg({ ...base, me: keys[2], deals: offCurve })).toMatchObject({
      ok: false,
      faultyTeller: 2,
    });
  });
});
