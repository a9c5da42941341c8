import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { PhotoPicker, type PickedPhoto } from '@/components/photo-picker/photo-picker';
import { downloadPhoto, PhotoPickError, pickPhotos, uploadPhoto } from '@/services/photos.api';
import { ApiError } from '@/services/request';
import { resetTaro, setToken } from './helpers';

// The shared Taro components mock has no <Image>: add one (a plain <img>).
jest.mock('@tarojs/components', () => {
  const React = jest.requireActual('react');
  const actual = jest.requireActual('@tarojs/components');
  return {
    ...actual,
    Image: ({ src, className, mode }: { src: string; className?: string; mode?: string }) =>
      React.createElement('img', { src, className, 'data-mode': mode, alt: '' }),
  };
});

const photo = (n: number, status: PickedPhoto['status'] = 'done'): PickedPhoto => ({
  localPath: `http://tmp/photo-${n}.jpg`,
  status,
  ...(status === 'done' ? { id: n } : {}),
});

function renderPicker(photos: PickedPhoto[], max?: number) {
  const onAdd = jest.fn();
  const onRemove = jest.fn();
  const onRetry = jest.fn();
  render(<PhotoPicker photos={photos} max={max} onAdd={onAdd} onRemove={onRemove} onRetry={onRetry} />);
  return { onAdd, onRemove, onRetry, add: document.getElementById('photo-picker-add')! };
}

describe('PhotoPicker', () => {
  it('shows a big “添加照片” tile that asks for photos while there is room', () => {
    const { onAdd, add } = renderPicker([photo(1)]);
    expect(add.textContent).toContain('添加照片');
    expect(add.getAttribute('aria-disabled')).toBe('false');
    fireEvent.click(add);
    expect(onAdd).toHaveBeenCalledTimes(1);
    expect(screen.getByText('已选 1/9 张，可拍照或从相册选')).toBeTruthy();
  });

  it('disables adding at the limit (9 by default): the tile is marked disabled and a tap does nothing', () => {
    const nine = Array.from({ length: 9 }, (_, i) => photo(i + 1));
    const { onAdd, add } = renderPicker(nine);
    expect(add.getAttribute('aria-disabled')).toBe('true');
    expect(add.className).toContain('photo-picker__add--disabled');
    fireEvent.click(add);
    expect(onAdd).not.toHaveBeenCalled();
    expect(screen.getByText('已选 9 张，最多 9 张')).toBeTruthy();
  });

  it('honours a smaller max', () => {
    const { onAdd, add } = renderPicker([photo(1), photo(2)], 2);
    fireEvent.click(add);
    expect(onAdd).not.toHaveBeenCalled();
    expect(add.getAttribute('aria-disabled')).toBe('true');
  });

  it('shows each photo’s thumbnail from its local path', () => {
    renderPicker([photo(1), photo(2, 'uploading')]);
    expect(Array.from(document.querySelectorAll('img')).map((img) => img.getAttribute('src'))).toEqual(['http://tmp/photo-1.jpg', 'http://tmp/photo-2.jpg']);
  });

  it('the remove × of a photo calls back with that photo’s index', () => {
    const { onRemove, onAdd } = renderPicker([photo(1), photo(2), photo(3, 'failed')]);
    fireEvent.click(screen.getByLabelText('删除第 2 张照片'));
    expect(onRemove).toHaveBeenCalledWith(1);
    fireEvent.click(screen.getByLabelText('删除第 3 张照片'));
    expect(onRemove).toHaveBeenLastCalledWith(2);
    expect(onRemove).toHaveBeenCalledTimes(2);
    expect(onAdd).not.toHaveBeenCalled();
  });

  it('a failed upload shows “上传失败，点此重试” under that photo only; tapping it retries that index', () => {
    const { onRetry, onRemove } = renderPicker([photo(1), photo(2, 'failed'), photo(3, 'uploading')]);
    const retry = screen.getAllByText('上传失败，点此重试');
    expect(retry).toHaveLength(1);
    expect(retry[0].closest('.photo-picker__item')!.querySelector('img')!.getAttribute('src')).toBe('http://tmp/photo-2.jpg');
    fireEvent.click(retry[0]);
    expect(onRetry).toHaveBeenCalledWith(1);
    expect(onRemove).not.toHaveBeenCalled();
  });

  it('a photo being uploaded says so, and offers no retry', () => {
    renderPicker([photo(1, 'uploading')]);
    expect(screen.getByText('上传中…')).toBeTruthy();
    expect(screen.queryByText('上传失败，点此重试')).toBeNull();
  });
});

// ---- services/photos.api: Taro's media and upload APIs, replaced per test ----------------------

type Mocked = Record<'chooseMedia' | 'chooseImage' | 'compressImage' | 'uploadFile' | 'downloadFile', jest.Mock | undefined>;
const taro = Taro as unknown as Mocked;

describe('services/photos.api', () => {
  const originalEnv = process.env.TARO_ENV;

  beforeEach(() => {
    resetTaro();
    Object.assign(taro, { chooseMedia: jest.fn(), chooseImage: jest.fn(), compressImage: jest.fn(), uploadFile: jest.fn(), downloadFile: jest.fn() });
  });
  afterEach(() => {
    for (const name of Object.keys(taro) as (keyof Mocked)[]) if (['chooseMedia', 'chooseImage', 'compressImage', 'uploadFile', 'downloadFile'].includes(name)) delete taro[name];
    process.env.TARO_ENV = originalEnv;
  });

  describe('pickPhotos', () => {
    it('takes or picks compressed images from the camera or the album, at most `max`', async () => {
      taro.chooseMedia!.mockResolvedValue({ tempFiles: [{ tempFilePath: 'wxfile://a.jpg' }, { tempFilePath: 'wxfile://b.jpg' }] });
      await expect(pickPhotos(3)).resolves.toEqual(['wxfile://a.jpg', 'wxfile://b.jpg']);
      expect(taro.chooseMedia).toHaveBeenCalledWith({ count: 3, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] });
    });

    it('never asks for more than 9, and asks nothing when there is no room', async () => {
      taro.chooseMedia!.mockResolvedValue({ tempFiles: [] });
      await pickPhotos(20);
      expect(taro.chooseMedia!.mock.calls[0][0].count).toBe(9);
      await expect(pickPhotos(0)).resolves.toEqual([]);
      expect(taro.chooseMedia).toHaveBeenCalledTimes(1);
    });

    it('resolves to [] when the person cancels', async () => {
      taro.chooseMedia!.mockRejectedValue({ errMsg: 'chooseMedia:fail cancel' });
      await expect(pickPhotos(9)).resolves.toEqual([]);
    });

    it('falls back to chooseImage where chooseMedia is missing', async () => {
      delete taro.chooseMedia;
      taro.chooseImage!.mockResolvedValue({ tempFilePaths: ['blob:http://localhost/1'] });
      await expect(pickPhotos(2)).resolves.toEqual(['blob:http://localhost/1']);
      expect(taro.chooseImage).toHaveBeenCalledWith({ count: 2, sourceType: ['album', 'camera'], sizeType: ['compressed'] });
    });

    it('any other failure (e.g. no camera permission) is a PhotoPickError with a plain message', async () => {
      taro.chooseMedia!.mockRejectedValue({ errMsg: 'chooseMedia:fail auth deny' });
      const error = await pickPhotos(1).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PhotoPickError);
      expect((error as Error).message).toBe('没能打开相机或相册，请在设置里允许使用相机和相册后再试');
    });
  });

  describe('uploadPhoto', () => {
    it('compresses the photo, uploads it as the field “file” to /api/photos with the login token, and returns { id, url }', async () => {
      setToken('tok-1');
      taro.compressImage!.mockResolvedValue({ tempFilePath: 'wxfile://small.jpg' });
      taro.uploadFile!.mockResolvedValue({ statusCode: 201, data: '{"id":7,"url":"/api/photos/7"}' });

      await expect(uploadPhoto('wxfile://big.jpg')).resolves.toEqual({ id: 7, url: '/api/photos/7' });

      expect(taro.compressImage!.mock.calls[0][0]).toMatchObject({ src: 'wxfile://big.jpg' });
      expect(taro.uploadFile).toHaveBeenCalledWith({ url: '/api/photos', filePath: 'wxfile://small.jpg', name: 'file', header: { Authorization: 'Bearer tok-1' } });
    });

    it('in H5 uploads the photo as it is (no compression there)', async () => {
      process.env.TARO_ENV = 'h5';
      taro.uploadFile!.mockResolvedValue({ statusCode: 201, data: '{"id":8,"url":"/api/photos/8"}' });
      await uploadPhoto('blob:http://localhost/9');
      expect(taro.compressImage).not.toHaveBeenCalled();
      expect(taro.uploadFile!.mock.calls[0][0].filePath).toBe('blob:http://localhost/9');
    });

    it('uploads the original when compression fails', async () => {
      taro.compressImage!.mockRejectedValue({ errMsg: 'compressImage:fail' });
      taro.uploadFile!.mockResolvedValue({ statusCode: 201, data: '{"id":9,"url":"/api/photos/9"}' });
      await uploadPhoto('wxfile://odd.jpg');
      expect(taro.uploadFile!.mock.calls[0][0].filePath).toBe('wxfile://odd.jpg');
    });

    it('turns the server’s refusal into an ApiError with its code and message', async () => {
      taro.compressImage!.mockResolvedValue({ tempFilePath: 'wxfile://x.jpg' });
      taro.uploadFile!.mockResolvedValue({ statusCode: 415, data: '{"code":"PHOTO_TYPE_NOT_ALLOWED","message":"只能上传 JPG、PNG 或 WebP 格式的照片","requestId":"r-9"}' });
      const error = await uploadPhoto('wxfile://x.gif').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ code: 'PHOTO_TYPE_NOT_ALLOWED', status: 415, message: '只能上传 JPG、PNG 或 WebP 格式的照片', requestId: 'r-9' });
    });

    it('a 401 forgets the token and returns to the login page', async () => {
      setToken('old');
      taro.uploadFile!.mockResolvedValue({ statusCode: 401, data: '{"code":"TOKEN_INVALID","message":"登录已过期，请重新登录","requestId":"r"}' });
      await expect(uploadPhoto('wxfile://a.jpg')).rejects.toMatchObject({ code: 'TOKEN_INVALID', status: 401 });
      expect(Taro.getStorageSync('linli.token')).toBe('');
      expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
    });

    it('a failed connection is a NETWORK_ERROR; an answer that is not JSON is a readable error', async () => {
      taro.uploadFile!.mockRejectedValueOnce({ errMsg: 'uploadFile:fail' });
      await expect(uploadPhoto('wxfile://a.jpg')).rejects.toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
      taro.uploadFile!.mockResolvedValueOnce({ statusCode: 502, data: '<html>Bad gateway</html>' });
      await expect(uploadPhoto('wxfile://a.jpg')).rejects.toMatchObject({ code: 'HTTP_502', message: '服务暂时不可用，请稍后再试' });
    });
  });

  it('downloadPhoto fetches a photo with the login token and returns its local path', async () => {
    setToken('tok-2');
    taro.downloadFile!.mockResolvedValue({ statusCode: 200, tempFilePath: 'wxfile://p12.jpg' });
    await expect(downloadPhoto('/api/photos/12')).resolves.toBe('wxfile://p12.jpg');
    expect(taro.downloadFile).toHaveBeenCalledWith({ url: '/api/photos/12', header: { Authorization: 'Bearer tok-2' } });
    taro.downloadFile!.mockResolvedValue({ statusCode: 404, tempFilePath: '' });
    await expect(downloadPhoto('/api/photos/13')).rejects.toMatchObject({ status: 404 });
  });
});
