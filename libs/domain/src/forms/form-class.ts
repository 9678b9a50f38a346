import type { FormProblem } from './messages';

/** 'draft': what has been given must be well-formed; 'complete': everything is there and consistent (submit). */
export type FormStage = 'draft' | 'complete';

/**
 * A service's form: a class decorated with class-validator rules, plus the rules that span
 * several fields. The class alone yields the checks and the JSON Schema.
 */
export interface FormClass<F extends object = object> {
  new (): F;
  /** Problems no single-field decorator can see; must tolerate a partly invalid form. */
  crossFieldProblems?(form: F, stage: FormStage): FormProblem[];
}
