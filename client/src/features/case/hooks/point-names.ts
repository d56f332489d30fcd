import type { ContactPointKind } from '@arrears/shared/domain/enums';
import type { CaseDetail } from '@arrears/shared/schemas/casework';
import type { ActionPreview } from '@arrears/shared/schemas/compliance';

/** How the screen names a contact point everywhere: its kind and its masked value ("Mobile +1 ••• 5651"). */
export type PointNames = ReadonlyMap<string, string>;

export function pointNamesOf(
  points: CaseDetail['contactPoints'],
  kindLabel: (kind: ContactPointKind) => string,
): PointNames {
  return new Map(points.map((point) => [point.id, `${kindLabel(point.kind)} ${point.masked}`]));
}

/** The name of the point an action goes to; compliance.check's own label when the case has not loaded. */
export function targetName(
  action: ActionPreview,
  names: PointNames,
  kindLabel: (kind: ContactPointKind) => string,
): string {
  const known = action.contactPointId ? names.get(action.contactPointId) : undefined;
  if (known) return known;
  const kind = action.contactPointKind ? kindLabel(action.contactPointKind) : '';
  return `${kind} ${action.contactPointLabel ?? ''}`.trim();
}
