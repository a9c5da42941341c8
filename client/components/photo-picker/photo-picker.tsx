import { Image, Text, View } from '@tarojs/components';
import './photo-picker.scss';

export type PhotoUploadStatus = 'uploading' | 'done' | 'failed';

export interface PickedPhoto {
  /** The photo on this device (shown as the thumbnail). */
  localPath: string;
  /** The server's id once uploaded. */
  id?: number;
  status: PhotoUploadStatus;
}

export interface PhotoPickerProps {
  photos: ReadonlyArray<PickedPhoto>;
  /** At most this many photos (default 9). */
  max?: number;
  onAdd: () => void;
  onRemove: (index: number) => void;
  onRetry: (index: number) => void;
}

/**
 * Photos for a concern: thumbnails with a large remove ×, a plain line under a photo whose upload
 * failed ("上传失败，点此重试"), and a big "添加照片" tile until the limit is reached. Pure: the
 * page's model picks, uploads and keeps the list.
 */
export function PhotoPicker({ photos, max = 9, onAdd, onRemove, onRetry }: PhotoPickerProps) {
  const full = photos.length >= max;
  return (
    <View className='photo-picker'>
      <View className='photo-picker__grid'>
        {photos.map((photo, index) => (
          <View key={`${photo.localPath}-${index}`} className={`photo-picker__item photo-picker__item--${photo.status}`}>
            <Image className='photo-picker__thumb' src={photo.localPath} mode='aspectFill' />
            {photo.status === 'uploading' && <Text className='photo-picker__state'>上传中…</Text>}
            <View className='photo-picker__remove' aria-label={`删除第 ${index + 1} 张照片`} onClick={() => onRemove(index)}>
              <Text>×</Text>
            </View>
            {photo.status === 'failed' && (
              <View className='photo-picker__failed' onClick={() => onRetry(index)}>
                <Text>上传失败，点此重试</Text>
              </View>
            )}
          </View>
        ))}
        <View
          id='photo-picker-add'
          className={`photo-picker__add${full ? ' photo-picker__add--disabled' : ''}`}
         
          aria-disabled={full}
          onClick={() => {
            if (!full) onAdd();
          }}
        >
          <Text className='photo-picker__plus'>+</Text>
          <Text className='photo-picker__add-label'>添加照片</Text>
        </View>
      </View>
      <Text className='photo-picker__count'>{full ? `已选 ${photos.length} 张，最多 ${max} 张` : `已选 ${photos.length}/${max} 张，可拍照或从相册选`}</Text>
    </View>
  );
}
