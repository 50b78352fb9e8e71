import type { ProtocolOption } from '../_lib/profile-values';
import { AboutFields } from './fields/about-fields';
import { AllergyFields } from './fields/allergy-fields';
import { ClinicianFields } from './fields/clinician-fields';
import { DietFields } from './fields/diet-fields';
import { DislikeFields } from './fields/dislike-fields';
import { MealTimeFields } from './fields/meal-time-fields';
import { ProtocolFields } from './fields/protocol-fields';
import type { SectionProps } from './fields/section-props';
import { TargetFields } from './fields/target-fields';

/**
 * The fields of one onboarding step, in the order of ONBOARDING_STEPS
 * (app/profile/_lib/onboarding-steps.ts, which names the API fields each step owns).
 */
export function OnboardingStepFields({
  step,
  protocols,
  ...section
}: SectionProps & { step: number; protocols: ProtocolOption[] }) {
  switch (step) {
    case 0:
      return <ProtocolFields {...section} protocols={protocols} />;
    case 1:
      return (
        <>
          <AllergyFields {...section} />
          <DietFields {...section} protocols={protocols} />
        </>
      );
    case 2:
      return <DislikeFields {...section} />;
    case 3:
      return (
        <>
          <AboutFields {...section} />
          <MealTimeFields {...section} />
        </>
      );
    default:
      return (
        <>
          <TargetFields {...section} />
          <ClinicianFields {...section} />
        </>
      );
  }
}
