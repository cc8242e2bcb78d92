/** What "data saya" keeps between turns. */
import { z } from "zod";
import type { StepResult } from "../../core/flow";
import { areaData, takeoverData } from "../registration/registration.data";

export const myDataData = areaData.extend(takeoverData.shape).extend({ personId: z.string().optional() });
export type MyData = z.infer<typeof myDataData>;
export type MyDataResult = StepResult<MyData>;
