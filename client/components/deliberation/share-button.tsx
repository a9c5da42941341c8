import { Button } from '@tarojs/components';
import { BigButton } from '@/components/big-button/big-button';
import '@/components/big-button/big-button.scss';

export interface ShareButtonProps {
  id: string;
  /** Browser: copy the page's link (there is no WeChat chat to share into). */
  onCopyLink: () => void;
}

/**
 * Mini-program: a big button that opens WeChat's share sheet (the page's useShareAppMessage gives the card).
 * Browser: "复制链接".
 */
export function ShareButton({ id, onCopyLink }: ShareButtonProps) {
  if (process.env.TARO_ENV === 'h5') {
    return <BigButton id={id} variant='secondary' text='复制链接' onClick={onCopyLink} />;
  }
  return (
    <Button id={id} openType='share' className='big-button big-button--secondary'>
      转发到微信群
    </Button>
  );
}
