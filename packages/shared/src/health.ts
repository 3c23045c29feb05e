import { z } from 'zod';

/** `GET /healthz`: the process answers. */
export const LivenessSchema = z.object({ status: z.literal('ok') });

/** `GET /readyz`: the database answers too. */
export const ReadinessSchema = z.object({ status: z.literal('ready') });
