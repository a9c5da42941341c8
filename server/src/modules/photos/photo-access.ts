import type { AuthClaims } from '../../common/auth/token.service';

/**
 * Who may see a concern, asked by the photo routes: a photo attached to a concern is shown to
 * whoever may see that concern. The concerns module owns that rule and provides it under
 * PHOTO_ACCESS (`{ provide: PHOTO_ACCESS, useExisting: … }` in its own module; PhotosService finds
 * it at start-up).
 */
export interface PhotoAccess {
  canSeeConcern(auth: AuthClaims, concernId: number): Promise<boolean>;
}

export const PHOTO_ACCESS = Symbol('PHOTO_ACCESS');
