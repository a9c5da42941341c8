import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { CategoryConfig, ConcernCategory, ConcernItem, PlaceKind } from '@contracts/concerns.contract';
import { CONCERN_TEXT_MAX } from '@contracts/concerns.constants';
import type { BuildingItem } from '@contracts/org.contract';
import { ErrorCode } from '@contracts/errors';
import { photoProblem, uploadedIds, usePhotoUploads, type UploadItem } from '@/hooks/use-photo-uploads';
import { createConcern, joinConcern, listCategories, listSimilarConcerns, type CreateConcernBody } from '@/services/concerns.api';
import { listBuildings } from '@/services/org.api';
import { downloadPhoto } from '@/services/photos.api';
import { ApiError, errorMessage } from '@/services/request';
import { concernDetailUrl, Routes } from '@/services/routes';
import { getMe } from '@/services/users.api';
import { defaultCategories } from '@/utils/categories';
import { randomId } from '@/utils/format';
import { clearDraft, EMPTY_DRAFT, HOME_PLACE, loadDraft, saveDraft, type ConcernDraft, type DraftPlace } from './concern-draft';

export const DEFAULT_PLACEHOLDER = '例如：3号楼楼道的灯坏了，晚上看不清路。';

const isWeapp = process.env.TARO_ENV === 'weapp';

export const placeChoices: ReadonlyArray<{ key: PlaceKind; label: string }> = [
  { key: 'unit', label: '我的单元' },
  { key: 'building', label: '楼栋' },
  { key: 'public_spot', label: '公共区域' },
  ...(isWeapp ? [{ key: 'map_point' as const, label: '地图选点' }] : []),
];

/** The request body's place: left out for the resident's own unit (the server's default). */
function placeBody(place: DraftPlace): CreateConcernBody['place'] {
  switch (place.kind) {
    case 'building':
      return { kind: 'building', buildingId: place.buildingId ?? undefined };
    case 'public_spot':
      return { kind: 'public_spot', detail: place.detail.trim() };
    case 'map_point':
      return { kind: 'map_point', detail: place.detail.trim(), latitude: place.latitude ?? undefined, longitude: place.longitude ?? undefined };
    default:
      return undefined;
  }
}

function placeProblem(place: DraftPlace): string | null {
  if (place.kind === 'building' && !place.buildingId) return '请选择是哪一栋楼';
  if (place.kind === 'public_spot' && !place.detail.trim()) return '请写明是哪里，例如“3号楼北侧儿童乐园”';
  if (place.kind === 'map_point' && (place.latitude === null || place.longitude === null)) return '请在地图上选一个点';
  return null;
}

export function useNewConcernModel() {
  const [draft, setDraft] = useState<ConcernDraft>(() => loadDraft());
  const [categories, setCategories] = useState<CategoryConfig[] | null>(null);
  const [buildings, setBuildings] = useState<BuildingItem[] | null>(null);
  const [similar, setSimilar] = useState<ConcernItem[] | null>(null);
  const [joiningId, setJoiningId] = useState<number | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [unitRequired, setUnitRequired] = useState(false);
  const inFlight = useRef(false);
  /** The category whose similar concerns the resident has already seen (and chose to file anyway). */
  const similarSeenFor = useRef<ConcernCategory | null>(null);

  const update = (next: ConcernDraft) => {
    setDraft(next);
    saveDraft(next);
  };
  const edit = (change: Partial<ConcernDraft> | ((prev: ConcernDraft) => Partial<ConcernDraft>)) => {
    setDraft((prev) => {
      // Any edit makes a new submission: forget the old idempotency key.
      const next = { ...prev, ...(typeof change === 'function' ? change(prev) : change), idempotencyKey: null };
      saveDraft(next);
      return next;
    });
  };

  const photos = usePhotoUploads(
    draft.photos,
    (change) => edit((prev) => ({ photos: change(prev.photos) })),
    (message) => setError(message),
  );

  const loadBuildings = async () => {
    try {
      const me = await getMe();
      if (!me.unit) {
        setUnitRequired(true);
        setError('请先选择您居住的单元');
        return;
      }
      setBuildings((await listBuildings(me.unit.communityId)).items);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  useEffect(() => {
    listCategories()
      .then((res) => setCategories(res.items))
      .catch(() => setCategories(null)); // the built-in list still works; the server checks on submit
    if (draft.place.kind === 'building') void loadBuildings();
    // Photos restored with the draft: local files may be gone (app closed), download them again.
    const restored = draft.photos.filter((p) => p.status === 'done' && typeof p.id === 'number');
    restored.forEach((p) => {
      downloadPhoto(`/api/photos/${p.id}`)
        .then((localPath) => setDraft((prev) => ({ ...prev, photos: prev.photos.map((x) => (x.key === p.key ? { ...x, localPath } : x)) })))
        .catch(() => undefined); // the thumbnail stays as it was; the photo itself is on the server
    });
    // Runs once, for the draft as restored.
  }, []);

  const configs = categories ?? defaultCategories;
  const chosen = configs.find((c) => c.code === draft.category) ?? null;

  const setCategory = (category: ConcernCategory) => {
    edit({ category });
    setError(null);
    setSimilar(null); // suggestions were for the other category
  };
  const setText = (text: string) => edit({ text: text.slice(0, CONCERN_TEXT_MAX) });
  const setPublic = (isPublic: boolean) => edit({ isPublic });
  const setPlaceKind = (kind: PlaceKind) => {
    setError(null);
    if (kind === 'map_point') {
      void chooseMapPoint();
      return;
    }
    edit((prev) => ({ place: { ...HOME_PLACE, kind, detail: kind === 'public_spot' ? prev.place.detail : '' } }));
    if (kind === 'building' && buildings === null) void loadBuildings();
  };
  const chooseBuilding = (buildingId: number) => {
    const b = buildings?.find((x) => x.id === buildingId);
    if (b) edit({ place: { ...HOME_PLACE, kind: 'building', buildingId: b.id, buildingName: b.name } });
  };
  const setPlaceDetail = (detail: string) => edit((prev) => ({ place: { ...prev.place, detail: detail.slice(0, 200) } }));

  const chooseMapPoint = async () => {
    try {
      const res = await Taro.chooseLocation({});
      const detail = (res.name || res.address || '地图上选的位置').slice(0, 200);
      edit({ place: { ...HOME_PLACE, kind: 'map_point', detail, latitude: res.latitude, longitude: res.longitude } });
    } catch (e) {
      const msg = String((e as { errMsg?: string } | null)?.errMsg ?? '');
      if (!/cancel/i.test(msg)) setError('没能打开地图，请改选“公共区域”并写明位置');
    }
  };

  /** The form as it stands, or why it cannot be sent yet. */
  const check = (): string | null => {
    if (!draft.category) return '请先选择问题类别';
    if (!draft.text.trim()) return '请写下您要反映的事情';
    return photoProblem(draft.photos) ?? placeProblem(draft.place);
  };

  const send = async () => {
    const category = draft.category as ConcernCategory;
    // Reuse the key of an attempt whose outcome is unknown, so a retry cannot create a duplicate.
    const key = draft.idempotencyKey ?? randomId();
    const attempt: ConcernDraft = { ...draft, idempotencyKey: key };
    update(attempt);
    setUnitRequired(false);
    try {
      const place = placeBody(draft.place);
      const body: CreateConcernBody = {
        category,
        text: draft.text.trim(),
        photoIds: uploadedIds(draft.photos),
        isPublic: draft.isPublic,
        ...(place ? { place } : {}),
      };
      const created = await createConcern(body, key);
      clearDraft();
      setDraft(EMPTY_DRAFT);
      void Taro.showToast({ title: '提交成功', icon: 'success' });
      void Taro.redirectTo({ url: concernDetailUrl(created.id) });
    } catch (e) {
      setError(errorMessage(e));
      if (e instanceof ApiError && e.code === ErrorCode.UNIT_REQUIRED) setUnitRequired(true);
      // A definite rejection: the next tap is a new attempt with a new key.
      if (!(e instanceof ApiError && e.outcomeUnknown)) update({ ...attempt, idempotencyKey: null });
    }
  };

  /**
   * Submit: first the similar public concerns nearby (so a neighbour can join instead of filing again),
   * unless this is a retry of an attempt whose outcome is unknown or the resident already saw them.
   */
  const submit = async (fileAnyway = false) => {
    if (inFlight.current) return;
    const problem = check();
    if (problem) {
      setError(problem);
      return;
    }
    inFlight.current = true;
    setSubmitting(true);
    setError(null);
    try {
      const category = draft.category as ConcernCategory;
      if (fileAnyway) similarSeenFor.current = category;
      if (!draft.idempotencyKey && similarSeenFor.current !== category) {
        const found = await listSimilarConcerns(category).then((r) => r.items).catch(() => [] as ConcernItem[]);
        if (found.length > 0) {
          setSimilar(found);
          return;
        }
      }
      setSimilar(null);
      await send();
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  };

  /** "我也遇到了": join a neighbour's concern instead of filing a new one. */
  const join = async (id: number) => {
    setJoiningId(id);
    setError(null);
    try {
      await joinConcern(id);
      clearDraft();
      setDraft(EMPTY_DRAFT);
      void Taro.showToast({ title: '已加入', icon: 'success' });
      void Taro.redirectTo({ url: concernDetailUrl(id) });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setJoiningId(null);
    }
  };

  return {
    draft,
    tiles: configs.filter((c) => c.enabled).map((c) => ({ key: c.code, label: c.label })),
    placeholder: chosen?.hint || DEFAULT_PLACEHOLDER,
    emergencyNotice: chosen?.emergencyNotice || null,
    maxLength: CONCERN_TEXT_MAX,
    photos: draft.photos as ReadonlyArray<UploadItem>,
    photoMax: photos.max,
    uploading: photos.uploading,
    addPhotos: photos.add,
    removePhoto: photos.remove,
    retryPhoto: photos.retry,
    placeChoices,
    buildingChoices: (buildings ?? []).map((b) => ({ key: b.id, label: b.name })),
    buildingsLoading: draft.place.kind === 'building' && buildings === null,
    similar,
    joiningId,
    submitting,
    error,
    unitRequired,
    setCategory,
    setText,
    setPublic,
    setPlaceKind,
    chooseBuilding,
    setPlaceDetail,
    submit: () => void submit(false),
    fileAnyway: () => void submit(true),
    join: (id: number) => void join(id),
    goChooseUnit: () => void Taro.navigateTo({ url: Routes.chooseUnit }),
    /** Look at a neighbour's concern first (the draft stays). */
    openSimilar: (id: number) => void Taro.navigateTo({ url: concernDetailUrl(id) }),
  };
}
