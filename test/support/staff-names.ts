import { env } from '../../shared/config/env';
import { conventionsOf } from '../../shared/domain/policies/conventions';

/**
 * Usernames for test staff under the running deployment's preset: `<office>.<unit>` where names are
 * free, `admin.<office>.<unit>` where the preset prescribes them (NA 10.2d), with the offices the
 * units must then carry (`officesFor`, for ensureProvince/ensureUnits).
 */
export function staffNames(presetId: string = env().POLICY_PRESET) {
  const conventions = conventionsOf(presetId);
  return {
    name: (office: string, unit: string) =>
      conventions.accountNames ? `admin.${office}.${unit}` : `${office}.${unit}`,
    officesFor: (slugs: readonly string[]) =>
      conventions.offices
        ? slugs.map((slug) => ({ slug, name: { vi: `Bộ phận ${slug}`, en: `Office ${slug}` } }))
        : undefined,
  };
}
